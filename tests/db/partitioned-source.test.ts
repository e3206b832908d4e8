/**
 * The partitioned-dataset source (src/db/sources/partitioned-source.ts) against a small synthetic
 * dataset (`npm run gen:synthetic`, 50 places × 2 years × 5 indicators) served over HTTP with range
 * requests (scripts/e2e/static-server.ts), filling a Node DuckDB through the same Engine interface
 * the browser's wasm-db.ts provides.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/e2e/static-server.ts';
import type { Db, SqlParam } from '../../src/db/db.ts';
import type { PartitionedManifest } from '../../src/db/sources/manifest.ts';
import { openPartitionedSource } from '../../src/db/sources/partitioned-source.ts';
import { placesScope, selectPartitions, NONE } from '../../src/db/sources/scope.ts';
import type { DataSource, Engine } from '../../src/db/sources/source.ts';
import { compareFigures } from '../../src/db/queries/compare.ts';
import { compareFiguresFromTiles } from '../../src/db/queries/compare-tiles.ts';
import type { PeerSpec } from '../../src/db/queries/peers.ts';
import { prepareUserTables } from '../../src/db/user-rows.ts';
import { listPlaces, resolvePeerLevel } from '../../src/db/queries/peers.ts';
import { peerStandings } from '../../src/db/queries/profile.ts';
import { peerStandingsFromTiles } from '../../src/db/queries/profile-standings.ts';
import { generateSmallDataset, nodeEngine } from './partitioned-engine.ts';

let dir: string;
let server: StaticServer;
let manifest: PartitionedManifest;
let close: () => void;
let db: Db;
let source: DataSource;

/** Observation rows the manifest lists for a scope's partitions. */
const listedRows = (provinces: readonly string[]) => selectPartitions(manifest.partitions, { provinces, years: 'all' })
  .reduce((n, p) => n + p.files.filter((f) => f.table === 'observations').reduce((m, f) => m + f.rows, 0), 0);
const count = async (sql: string, params: SqlParam[] = []) => (await db.query<{ n: number }>(sql, params))[0]!.n;

beforeAll(async () => {
  ({ dir, manifest } = generateSmallDataset('atlas-partitioned-'));
  server = await startStaticServer({ root: dir });
  let engine: Engine;
  ({ db, engine, close } = await nodeEngine());
  source = await openPartitionedSource(engine, manifest, server.url);
}, 120_000);

afterAll(async () => {
  close?.();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the partitioned source', () => {
  it('starts with the small tables and the pre-aggregates, and no observation', async () => {
    expect(source.manifest.synthetic).toBe(true);
    expect(await count('SELECT count(*)::INTEGER AS n FROM observations')).toBe(0);
    expect(await count('SELECT count(*)::INTEGER AS n FROM regions')).toBeGreaterThan(0);
    expect(await count('SELECT count(*)::INTEGER AS n FROM coverage')).toBe(manifest.summaries[0]!.rows);
    expect(source.fetched).toMatchObject({ partitions: 0, files: manifest.summaries.length });
  });

  it('loads exactly the partitions of a scope, once', async () => {
    const province = manifest.partitions[0]!.province;
    const place = (await db.query<{ region_code: string }>(
      'SELECT region_code FROM regions WHERE province_code = ? ORDER BY region_code LIMIT 1', [province]))[0]!.region_code;
    const expected = selectPartitions(manifest.partitions, placesScope([place]));
    expect(expected.length).toBeGreaterThan(0);

    const first = await source.ensure(placesScope([place]), 'test');
    expect(first.partitions).toBe(expected.length);
    expect(first.rows).toBe(listedRows([province]));
    expect(first.bytes).toBeGreaterThan(0);
    expect(await count('SELECT count(*)::INTEGER AS n FROM observations')).toBe(listedRows([province]));
    expect(await count('SELECT count(*)::INTEGER AS n FROM observations WHERE substr(region_code, 1, 2) <> ?', [province.slice(0, 2)])).toBe(0);

    const again = await source.ensure(placesScope([place]), 'test');
    expect(again).toMatchObject({ partitions: 0, files: 0, bytes: 0, rows: 0 });
    expect(await count('SELECT count(*)::INTEGER AS n FROM observations')).toBe(listedRows([province]));
  });

  it('never inserts a partition twice when two views ask at once, and NONE loads nothing', async () => {
    const provinces = [...new Set(manifest.partitions.map((p) => p.province))].slice(0, 3);
    const places = await Promise.all(provinces.map(async (p) => (await db.query<{ region_code: string }>(
      'SELECT region_code FROM regions WHERE province_code = ? ORDER BY region_code LIMIT 1', [p]))[0]!.region_code));
    const [a, b] = await Promise.all([source.ensure(placesScope(places.slice(0, 2)), 'a'), source.ensure(placesScope(places), 'b')]);
    expect(a.rows + b.rows).toBe(listedRows(provinces) - listedRows([manifest.partitions[0]!.province]));
    expect(await count('SELECT count(*)::INTEGER AS n FROM observations')).toBe(listedRows(provinces));
    expect(await source.ensure(NONE, 'none')).toMatchObject({ partitions: 0, rows: 0 });
  });

  it('loads an indicator\'s tiles once, and they hold what the rows pick, tile by tile', async () => {
    const tiles = manifest.tiles!;
    const [indicator, years] = Object.entries(tiles.years)[0]!;
    expect(await source.tiles(indicator, [...years, 1900], 'test')).toBe(true); // 1900: listed nowhere, nothing fetched
    const loaded = await count('SELECT count(*)::INTEGER AS n FROM tile_figures');
    expect(loaded).toBeGreaterThan(0);
    const before = source.fetched.bytes;
    await source.tiles(indicator, years, 'test');
    expect(source.fetched.bytes).toBe(before); // not fetched again
    expect(await count('SELECT count(*)::INTEGER AS n FROM tile_figures')).toBe(loaded);

    await source.ensure({ provinces: 'all', years: 'all' }, 'test');
    await prepareUserTables(db); // as the browser does after start-up: the origin column the queries read
    const focus = (await db.query<{ region_code: string }>('SELECT min(region_code) AS region_code FROM observations'))[0]!.region_code;
    const all: PeerSpec = { group: 'all', focus, custom: [] };
    for (const year of years) {
      const fromRows = await compareFigures(db, indicator, [year], all);
      expect(fromRows.length).toBeGreaterThan(0);
      expect(await compareFiguresFromTiles(db, indicator, [year], all)).toEqual(fromRows);
    }
  });

  it('loads a place\'s standings, and they hold what the rows give', async () => {
    await source.ensure({ provinces: 'all', years: 'all' }, 'test');
    await prepareUserTables(db);
    const places = await listPlaces(db);
    const counties = places.filter((p) => p.level === 'county').slice(0, 3);
    expect(counties.length).toBeGreaterThan(0);
    let compared = 0;
    for (const place of counties) {
      expect(await source.standings(place.region_code, 'test')).toBe(true);
      const spec: PeerSpec = { group: 'all', focus: place.region_code, custom: [], level: resolvePeerLevel(null, place) };
      for (const tolerance of [0, 1]) {
        const fromRows = await peerStandings(db, spec, tolerance);
        expect(await peerStandingsFromTiles(db, spec, tolerance)).toEqual(fromRows);
        compared += fromRows.length;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });
});
