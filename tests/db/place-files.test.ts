/**
 * The per-place files (src/db/place-files.ts) hold exactly the rows the partitions hold: a view that
 * reads a place from its file answers what it answers from the province's partitions (Trends' points,
 * the Profile's figures and its export rows, the source panel's row and siblings, the report list),
 * and loading a place's file and its partitions in either order keeps each row once.
 *
 * Two sources over the same small SYNTHETIC dataset served over HTTP: one with the manifest's place
 * index (place files), one with it removed (partitions, as before place files existed).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/e2e/static-server.ts';
import type { Db } from '../../src/db/db.ts';
import { dataPage, NO_FILTERS } from '../../src/db/queries/data-table.ts';
import { placeTexts } from '../../src/db/queries/place-reports.ts';
import { profileFigures } from '../../src/db/queries/profile.ts';
import { observationDetail, observationSiblings, reportSources } from '../../src/db/queries/provenance.ts';
import { trendPoints } from '../../src/db/queries/trend.ts';
import type { PartitionedManifest } from '../../src/db/sources/manifest.ts';
import { openPartitionedSource } from '../../src/db/sources/partitioned-source.ts';
import { ALL, placesScope, provinceOf } from '../../src/db/sources/scope.ts';
import type { DataSource } from '../../src/db/sources/source.ts';
import { prepareUserTables } from '../../src/db/user-rows.ts';
import { generateSmallDataset, nodeEngine } from './partitioned-engine.ts';

interface Opened { db: Db; source: DataSource; close: () => void }

let dir: string;
let manifest: PartitionedManifest;
let server: StaticServer;
const opened: Opened[] = [];

async function open(withPlaceFiles: boolean): Promise<Opened> {
  const { db, engine, close } = await nodeEngine();
  const source = await openPartitionedSource(engine, withPlaceFiles ? manifest : { ...manifest, places: undefined }, server.url);
  await prepareUserTables(db); // as the browser does after start-up: the origin column the queries read
  const handle = { db, source, close };
  opened.push(handle);
  return handle;
}

const count = async (db: Db, sql: string, params: string[] = []) => (await db.query<{ n: number }>(sql, params))[0]!.n;
/** Every loaded row of a table, as text, in one order: what "the same rows" means. */
const allRows = (db: Db, table: 'observations' | 'reports') => db.query<Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY ALL`);
const listedRows = (table: 'observations' | 'reports') => manifest.partitions.reduce((n, p) => n + p.files.filter((f) => f.table === table).reduce((m, f) => m + f.rows, 0), 0);

/** Places to open: two of one province (if there is one with two) and three others. */
function chosenPlaces(): string[] {
  const byProvince = new Map<string, string[]>();
  for (const code of manifest.places!.regions) byProvince.set(provinceOf(code)!, [...(byProvince.get(provinceOf(code)!) ?? []), code]);
  const pair = [...byProvince.values()].find((codes) => codes.length >= 2) ?? [];
  const singles = [...byProvince.values()].filter((codes) => codes[0] !== pair[0]).slice(0, 3).map((codes) => codes[0]!);
  return [...pair.slice(0, 2), ...singles];
}

beforeAll(async () => {
  ({ dir, manifest } = generateSmallDataset('atlas-place-files-', { years: 3 }));
  server = await startStaticServer({ root: dir });
}, 120_000);

afterAll(async () => {
  for (const o of opened) o.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('per-place files', () => {
  it('are written for every place with rows, and indexed by the manifest', () => {
    const places = manifest.places!;
    expect(places.dir).toBe('places');
    expect(places.regions.length).toBe(50); // gen-synthetic --regions 50: every county has rows
    expect([...places.regions].sort()).toEqual(places.regions);
  });

  it('give a view the same answers as the partitions', async () => {
    const codes = chosenPlaces();
    expect(codes.length).toBe(5);
    const files = await open(true);
    const parts = await open(false);
    await files.source.places(codes, 'test');
    await parts.source.places(codes, 'test'); // no place index: their provinces' partitions
    expect(files.source.fetched.partitions).toBe(0);
    expect(parts.source.fetched.partitions).toBeGreaterThan(0);

    const indicators = await files.db.query<{ indicator_id: string }>('SELECT indicator_id FROM indicators ORDER BY ALL');
    let points = 0;
    for (const { indicator_id } of indicators) {
      const fromFiles = await trendPoints(files.db, indicator_id, codes);
      expect(fromFiles, indicator_id).toEqual(await trendPoints(parts.db, indicator_id, codes));
      points += fromFiles.length;
    }
    expect(points).toBeGreaterThan(codes.length * 3 * 4); // most of 5 places × 3 years × 5 indicators have a number

    for (const code of codes) {
      const figures = await profileFigures(files.db, code);
      expect(figures.length, code).toBeGreaterThan(0);
      expect(figures).toEqual(await profileFigures(parts.db, code));
      expect(await placeTexts(files.db, code)).toEqual(await placeTexts(parts.db, code));
      const page = { ...NO_FILTERS, regionCodes: [code] };
      expect(await dataPage(files.db, page, 'indicator', 500, 0)).toEqual(await dataPage(parts.db, page, 'indicator', 500, 0));
      for (const figure of figures.slice(0, 3)) {
        const detail = await observationDetail(files.db, figure.obs_id);
        expect(detail?.quote).toMatch(/^【合成数据】/);
        expect(detail).toEqual(await observationDetail(parts.db, figure.obs_id));
        expect(await observationSiblings(files.db, figure.obs_id)).toEqual(await observationSiblings(parts.db, figure.obs_id));
        expect(await reportSources(files.db, [detail!.report_id])).toEqual(await reportSources(parts.db, [detail!.report_id]));
      }
    }
    // The places' rows and reports, no more: the file holds the place, the partitions its whole province.
    const mine = `WHERE region_code IN (${codes.map((c) => `'${c}'`).join(', ')})`;
    expect(await count(files.db, 'SELECT count(*)::INTEGER AS n FROM observations')).toBe(await count(parts.db, `SELECT count(*)::INTEGER AS n FROM observations ${mine}`));
    expect(await count(files.db, 'SELECT count(*)::INTEGER AS n FROM reports')).toBe(await count(parts.db, `SELECT count(*)::INTEGER AS n FROM reports ${mine}`));
  }, 120_000);

  it('keep each row once when a place file and its partitions both load, in either order', async () => {
    const [first, second] = chosenPlaces();
    const year = manifest.partitions.find((p) => p.province === provinceOf(first!))!.year;
    const reference = await open(false);
    await reference.source.ensure(ALL, 'test');
    const expected = { observations: await allRows(reference.db, 'observations'), reports: await allRows(reference.db, 'reports') };
    expect(expected.observations.length).toBe(listedRows('observations'));

    // Place file first, then every partition: the partitions leave the place's rows out.
    const a = await open(true);
    await a.source.places([first!], 'test');
    await a.source.ensure(ALL, 'test');
    // One partition first, then the place file: the file leaves that year's rows out.
    const b = await open(true);
    await b.source.ensure(placesScope([first!], [year]), 'test');
    await b.source.places([first!, second!], 'test');
    const before = b.source.fetched.bytes;
    await b.source.ensure(ALL, 'test');
    expect(b.source.fetched.bytes).toBeGreaterThan(before);
    for (const o of [a, b]) {
      expect(await allRows(o.db, 'observations')).toEqual(expected.observations);
      expect(await allRows(o.db, 'reports')).toEqual(expected.reports);
    }
    // Everything loaded: a place's file is not fetched.
    const fetched = b.source.fetched.bytes;
    await b.source.places([manifest.places!.regions.at(-1)!], 'test');
    expect(b.source.fetched.bytes).toBe(fetched);
  }, 120_000);

  it('fetch nothing for a place without a file (a prefecture) nor twice for a place', async () => {
    const o = await open(true);
    const [code] = chosenPlaces();
    await o.source.places([code!], 'test');
    const once = o.source.fetched;
    expect(once.files).toBe(manifest.summaries.length + 2); // its observations and its reports
    const { bytes, files } = once;
    await o.source.places([code!, `${code!.slice(0, 4)}00`], 'test');
    expect(o.source.fetched).toMatchObject({ bytes, files, partitions: 0 });
  }, 60_000);
});
