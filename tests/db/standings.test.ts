/**
 * The pre-aggregated standings (src/db/standings.ts) give what the row query gives: for every place
 * of the shipped dataset and every tolerance 0–3, the Profile's standings among all places of its
 * tier read from them (queries/profile-standings.ts) equal `peerStandings` over the rows. They step
 * aside (null) for another peer group or level and when the researcher's own rows are loaded.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeCoverage } from '../../src/db/pre-aggregates.ts';
import { resolvePeerLevel, listPlaces, type PeerSpec } from '../../src/db/queries/peers.ts';
import { peerStandings } from '../../src/db/queries/profile.ts';
import { peerStandingsFromTiles } from '../../src/db/queries/profile-standings.ts';
import { standingOthersSelect, standingPlacesSelect } from '../../src/db/standings.ts';
import { tileSelect } from '../../src/db/tiles.ts';
import { insertUserDataset } from '../../src/db/user-rows.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';
import { userDataset, userObservation } from './user-dataset-fixture.ts';

const SHIPPED = join(import.meta.dirname, '..', '..', 'public', 'data');

/** What the publisher does: tiles, then the standings from them. */
async function buildStandings(db: NodeDb): Promise<void> {
  await db.exec(`CREATE OR REPLACE TABLE tile_figures AS ${tileSelect()}`);
  await db.exec(`CREATE OR REPLACE TABLE standing_places AS SELECT * EXCLUDE (province) FROM (${standingPlacesSelect()})`);
  await db.exec(`CREATE OR REPLACE TABLE standing_others AS ${standingOthersSelect()}`);
}

describe('standings on the shipped dataset', () => {
  let db: NodeDb;
  beforeAll(async () => { db = await openNodeDb(SHIPPED); await buildStandings(db); });
  afterAll(() => db.close());

  it('equal the row query for every place and tolerance (all places of its tier)', async () => {
    let compared = 0;
    let withOthers = 0;
    for (const place of await listPlaces(db)) {
      const spec: PeerSpec = { group: 'all', focus: place.region_code, custom: [], level: resolvePeerLevel(null, place) };
      for (const tolerance of [0, 1, 2, 3]) {
        const fromRows = await peerStandings(db, spec, tolerance);
        expect(await peerStandingsFromTiles(db, spec, tolerance), `${place.region_code} ±${tolerance}`).toEqual(fromRows);
        compared += fromRows.length;
        withOthers += fromRows.filter((s) => s.other_years.length > 0).length;
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(withOthers, 'some standings compare peers at another year').toBeGreaterThan(0);
  }, 120_000); // 40 places × 4 tolerances × 2 queries: ≈ 17 s alone, several times that on the shared machine

  it('step aside for another group or level', async () => {
    const [place] = await db.query<{ region_code: string }>('SELECT region_code FROM standing_places ORDER BY ALL LIMIT 1');
    expect(await peerStandingsFromTiles(db, { group: 'province', focus: place!.region_code, custom: [] }, 1)).toBeNull();
    const [level] = await db.query<{ peer_level: string }>('SELECT peer_level FROM standing_places WHERE region_code = ? LIMIT 1', [place!.region_code]);
    const other = level!.peer_level === 'county' ? 'province' : 'county';
    expect(await peerStandingsFromTiles(db, { group: 'all', focus: place!.region_code, custom: [], level: other }, 1)).toBeNull();
  });
});

describe('standings with the researcher\'s own rows', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openNodeDb();
    await buildStandings(db);
    await insertUserDataset(db, userDataset({}, [userObservation({ value: 99 })]), () => null, recomputeCoverage);
  });
  afterAll(() => db.close());

  it('are not used: the publisher\'s standings do not count them', async () => {
    const [place] = await db.query<{ region_code: string; peer_level: string }>('SELECT region_code, peer_level FROM standing_places ORDER BY ALL LIMIT 1');
    expect(await peerStandingsFromTiles(db, { group: 'all', focus: place!.region_code, custom: [], level: place!.peer_level as PeerSpec['level'] }, 1)).toBeNull();
  });
});
