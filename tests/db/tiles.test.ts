/**
 * The pre-aggregated tiles (src/db/tiles.ts) hold exactly what the row query picks: for every
 * indicator × year, Compare's figures read from the tiles (queries/compare-tiles.ts) equal those
 * read from the rows (queries/compare.ts), on the shipped dataset (public/data), on the test fixture
 * with a researcher's own rows added (a user row is chosen only where no shipped number exists), and
 * on a small partitioned fixture tile by tile (tests/db/partitioned-source.test.ts loads its tiles).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareFigures, type CompareFigure } from '../../src/db/queries/compare.ts';
import { compareFiguresFromTiles } from '../../src/db/queries/compare-tiles.ts';
import type { PeerSpec } from '../../src/db/queries/peers.ts';
import { recomputeCoverage } from '../../src/db/pre-aggregates.ts';
import { insertUserDataset } from '../../src/db/user-rows.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';
import { buildTiles, firstTileFigure } from './tiles-fixture.ts';
import { userDataset, userObservation } from './user-dataset-fixture.ts';

const SHIPPED = join(import.meta.dirname, '..', '..', 'public', 'data');
const ALL_PLACES = (focus: string): PeerSpec => ({ group: 'all', focus, custom: [] });

/** Every indicator with a number, its years and a focal place. */
async function indicatorYears(db: NodeDb): Promise<{ indicator_id: string; years: string; focus: string }[]> {
  return db.query(`SELECT indicator_id, string_agg(DISTINCT year::VARCHAR, ',') AS years, min(region_code) AS focus FROM observations
    WHERE value IS NOT NULL AND year IS NOT NULL GROUP BY ALL ORDER BY ALL`);
}

/** Both answers for every indicator, all its years at once (one query each); returns how many figures were compared. */
async function expectTilesEqualRows(db: NodeDb): Promise<number> {
  let compared = 0;
  for (const { indicator_id, years, focus } of await indicatorYears(db)) {
    const all = years.split(',').map(Number);
    const fromRows: CompareFigure[] = await compareFigures(db, indicator_id, all, ALL_PLACES(focus));
    const fromTiles = await compareFiguresFromTiles(db, indicator_id, all, ALL_PLACES(focus));
    expect(fromTiles, indicator_id).toEqual(fromRows);
    compared += fromRows.length;
  }
  return compared;
}

describe('tiles on the shipped dataset', () => {
  let db: NodeDb;
  beforeAll(async () => { db = await openNodeDb(SHIPPED); await buildTiles(db); });
  afterAll(() => db.close());

  it('give, for every indicator × year, the figures the row query picks', async () => {
    const compared = await expectTilesEqualRows(db);
    // Every place-indicator-year with a number is one figure: the tiles hold them all, no more.
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (SELECT DISTINCT indicator_id, region_code, year
      FROM observations WHERE value IS NOT NULL AND year IS NOT NULL)`) as [{ n: number }];
    expect(compared).toBe(n);
    expect(compared).toBeGreaterThan(50);
  }, 120_000);

  it('keep the chosen row of a place with several candidates, and count them', async () => {
    const [several] = await db.query<{ indicator_id: string; region_code: string; year: number; n: number }>(`
      SELECT indicator_id, region_code, year::INTEGER AS year, count(*)::INTEGER AS n FROM observations
      WHERE value IS NOT NULL GROUP BY ALL HAVING count(*) > 1 ORDER BY ALL LIMIT 1`);
    expect(several, 'the shipped data has a place-year with competing rows').toBeDefined();
    const [tile] = await db.query<{ n_candidates: number; obs_id: string }>('SELECT n_candidates, obs_id FROM tile_figures WHERE indicator_id = ? AND region_code = ? AND year = ?',
      [several!.indicator_id, several!.region_code, several!.year]);
    expect(tile!.n_candidates).toBe(several!.n);
  });
});

describe('tiles with the researcher\'s own rows', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openNodeDb();
    await buildTiles(db); // the publisher's tiles hold shipped rows only
    const shipped = await firstTileFigure(db);
    await insertUserDataset(db, userDataset({}, [
      // Beside a shipped figure: the shipped one stays chosen, the user's counts as a candidate.
      userObservation({ region_code: shipped.region_code, indicator_id: shipped.indicator_id, year: shipped.year, value: 123456 }),
      // Where nothing is shipped: the user's figure is the place's figure.
      userObservation({ region_code: shipped.region_code, indicator_id: shipped.indicator_id, year: 1990, value: 7 }),
    ]), () => null, recomputeCoverage);
  });
  afterAll(() => db.close());

  it('give the same figures as the rows, a user row where no shipped number exists', async () => {
    await expectTilesEqualRows(db);
    const users = await db.query<{ indicator_id: string }>("SELECT indicator_id FROM observations WHERE origin = 'user' AND year = 1990");
    const figures = await compareFiguresFromTiles(db, users[0]!.indicator_id, [1990], ALL_PLACES('990001'));
    expect(figures.map((f) => [f.origin, f.value])).toEqual([['user', 7]]);
  });
});
