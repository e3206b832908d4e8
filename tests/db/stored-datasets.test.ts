/**
 * Many stored datasets loaded together (src/db/stored-datasets.ts): every good dataset's rows are in
 * `observations` after ONE load with one view rebuild; a bad one among them (a blob with another number
 * of rows than recorded, an unreadable Arrow stream, a report DuckDB refuses) is named with its reason
 * and left out, nothing of it left behind, and never costs the others: the view holds exactly the good
 * ones' rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { arrowRowsStream } from '../../src/core/user-data/stored-rows-arrow.ts';
import { ARROW_ROWS_FORMAT, STORED_ROW_COLUMNS, StoredRowsError, storedRowsMeta } from '../../src/core/user-data/stored-rows.ts';
import type { UserDataset } from '../../src/core/user-data/types.ts';
import type { Db } from '../../src/db/db.ts';
import { insertStoredDatasets, type StoredDatasetBlob } from '../../src/db/stored-datasets.ts';
import { deleteUserDataset, prepareUserTables } from '../../src/db/user-rows.ts';
import { nodeFiles } from './arrow-staging.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';
import { userDataset, userObservation } from './user-dataset-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'stored-datasets-'));
let node: NodeDb;
/** The Node database, counting the rebuilds of `observations` (each binds a view over every dataset's table). */
let db: Db;
let rebuilds = 0;
beforeAll(async () => {
  node = await openNodeDb();
  db = {
    query: (sql, params) => node.query(sql, params),
    exec: (sql) => { if (/CREATE OR REPLACE VIEW observations/.test(sql)) rebuilds += 1; return node.exec(sql); },
  };
  await prepareUserTables(db, nodeFiles(dir, () => node));
});
afterAll(() => { node.close(); rmSync(dir, { recursive: true }); });
beforeEach(() => { rebuilds = 0; });

const count = async (sql: string): Promise<number> => (await node.query<{ n: number }>(sql))[0]!.n;
const noDivisions = async () => () => null;

/** Dataset k: k % 3 + 1 rows, one of them in a place the shipped regions lack (fake code 99xxxx). */
function dataset(k: number): UserDataset {
  return userDataset({ id: `user-20261206-many-${k}` }, Array.from({ length: (k % 3) + 1 }, (_, i) => userObservation({
    region_code: i === 0 ? String(998000 + k) : '990001', region_name: i === 0 ? `合成县${k}` : '测试县', year: 2000 + i, value: k * 10 + i, source_row: i + 2,
  })));
}

const blobOf = (d: UserDataset, over: Partial<{ rowCount: number; bytes: Uint8Array }> = {}): StoredDatasetBlob => {
  const bytes = over.bytes ?? arrowRowsStream(d.observations);
  return {
    meta: storedRowsMeta(d, { format: ARROW_ROWS_FORMAT, columns: [...STORED_ROW_COLUMNS], rowCount: over.rowCount ?? d.observations.length, byteLength: bytes.length, sha256: '' }),
    rows: bytes,
  };
};

/** Every user row in the view, as (dataset, ordinal, value): what a query sees. */
const userRows = () => node.query<{ dataset_id: string; obs_id: string; value: number }>(
  "SELECT dataset_id, obs_id, value FROM observations WHERE origin = 'user' ORDER BY dataset_id, obs_id");
/** The same rows as the datasets hold them. */
const expectedRows = (datasets: readonly UserDataset[]) => datasets.flatMap((d) => d.observations.map((o, i) => ({ dataset_id: d.id, obs_id: `${d.id}#${i + 1}`, value: o.value })))
  .sort((a, b) => (a.dataset_id === b.dataset_id ? (a.obs_id < b.obs_id ? -1 : 1) : a.dataset_id < b.dataset_id ? -1 : 1));

async function removeAll(datasets: readonly UserDataset[]): Promise<void> {
  for (const d of datasets) await deleteUserDataset(db, d.id);
  expect(await count("SELECT count(*)::INTEGER AS n FROM observations WHERE origin = 'user'")).toBe(0);
}

describe('loading many stored datasets at once', () => {
  it('makes every dataset\'s rows queryable after one load, with one rebuild of the view, and adds each place regions lack', async () => {
    const tables = await count('SELECT count(*)::INTEGER AS n FROM duckdb_tables()');
    const datasets = Array.from({ length: 40 }, (_, k) => dataset(k));
    expect(await insertStoredDatasets(db, datasets.map((d) => blobOf(d)), noDivisions)).toEqual([]);
    expect(await userRows()).toEqual(expectedRows(datasets));
    expect(rebuilds).toBe(1);
    expect(await count('SELECT count(*)::INTEGER AS n FROM user_datasets')).toBe(40);
    expect(await count("SELECT count(*)::INTEGER AS n FROM reports WHERE origin = 'user'")).toBe(40);
    expect(await count("SELECT count(*)::INTEGER AS n FROM regions WHERE origin = 'user' AND region_code LIKE '998%'")).toBe(40);
    expect(await count('SELECT count(*)::INTEGER AS n FROM duckdb_tables()')).toBe(tables + 40);
    await removeAll(datasets);
    expect(await count("SELECT count(*)::INTEGER AS n FROM regions WHERE origin = 'user'")).toBe(0);
  });

  it('names a blob holding another number of rows and an unreadable one, and loads every other', async () => {
    const tables = await count('SELECT count(*)::INTEGER AS n FROM duckdb_tables()');
    const datasets = Array.from({ length: 12 }, (_, k) => dataset(k));
    const whole = arrowRowsStream(datasets[7]!.observations);
    const blobs = datasets.map((d, k) => (k === 3 ? blobOf(d, { rowCount: 9 }) : k === 7 ? blobOf(d, { bytes: whole.slice(0, whole.length - 40) }) : blobOf(d)));
    const failures = await insertStoredDatasets(db, blobs, noDivisions);
    expect(failures.map((f) => f.id)).toEqual([datasets[7]!.id, datasets[3]!.id]);
    expect(failures.map((f) => (f.error as StoredRowsError).reason.kind)).toEqual(['rows-unreadable', 'rows-count']);
    expect((failures[1]!.error as StoredRowsError).message).toBe(`${datasets[3]!.id}: 1 rows read from the stored file, 9 expected`);
    const good = datasets.filter((_, k) => k !== 3 && k !== 7);
    expect(await userRows()).toEqual(expectedRows(good));
    expect(rebuilds).toBe(1);
    // Nothing of the bad ones is left: no table, entry, report or place.
    expect(await count('SELECT count(*)::INTEGER AS n FROM duckdb_tables()')).toBe(tables + good.length);
    expect(await count(`SELECT count(*)::INTEGER AS n FROM reports WHERE dataset_id IN ('${datasets[3]!.id}', '${datasets[7]!.id}')`)).toBe(0);
    expect(await count("SELECT count(*)::INTEGER AS n FROM regions WHERE region_code IN ('998003', '998007')")).toBe(0);
    await removeAll(good);
  });

  it('loads the others when one cannot be added in the shared transaction (a report DuckDB refuses), naming that one', async () => {
    const tables = await count('SELECT count(*)::INTEGER AS n FROM duckdb_tables()');
    const datasets = Array.from({ length: 6 }, (_, k) => dataset(k));
    datasets[2]!.reports[0]!.meta.year = 'x' as unknown as number; // passes staging, fails the reports' typed insert
    const failures = await insertStoredDatasets(db, datasets.map((d) => blobOf(d)), noDivisions);
    expect(failures.map((f) => f.id)).toEqual([datasets[2]!.id]);
    expect(String(failures[0]!.error)).toMatch(/x/);
    const good = datasets.filter((_, k) => k !== 2);
    expect(await userRows()).toEqual(expectedRows(good));
    expect(await count('SELECT count(*)::INTEGER AS n FROM user_datasets')).toBe(good.length);
    expect(await count("SELECT count(*)::INTEGER AS n FROM regions WHERE region_code = '998002'")).toBe(0);
    expect(await count('SELECT count(*)::INTEGER AS n FROM duckdb_tables()')).toBe(tables + good.length);
    await removeAll(good);
  });

  it('replaces a dataset already loaded (a re-import) in the same load as new ones', async () => {
    const first = dataset(1);
    expect(await insertStoredDatasets(db, [blobOf(first)], noDivisions)).toEqual([]);
    const again = userDataset({ id: first.id }, [userObservation({ value: 5 })]);
    const other = dataset(4);
    expect(await insertStoredDatasets(db, [blobOf(again), blobOf(other)], noDivisions)).toEqual([]);
    expect(await userRows()).toEqual(expectedRows([again, other]));
    await removeAll([again, other]);
  });
});
