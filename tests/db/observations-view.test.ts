/**
 * `observations` as a view over the shipped table and each user dataset's own table
 * (src/db/observations-view.ts) answers exactly what the copied table used to: every row and column
 * of shipped + user rows, the computed columns (obs_id, origin, dataset_id, publisher_kind) as the
 * copy wrote them; a re-import replaces the dataset's table, a delete drops it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_ROWS_FORMAT, STORED_ROW_COLUMNS, storedRowsMeta, storedRowsText } from '../../src/core/user-data/stored-rows.ts';
import { recomputeCoverage } from '../../src/db/pre-aggregates.ts';
import { deleteUserDataset, insertUserDataset, prepareUserTables } from '../../src/db/user-rows.ts';
import { insertStoredDataset } from '../../src/db/stored-datasets.ts';
import { nodeFiles } from './arrow-staging.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';
import { userDataset, userObservation } from './user-dataset-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'observations-view-'));
let db: NodeDb;
beforeAll(async () => {
  db = await openNodeDb();
  await prepareUserTables(db, nodeFiles(dir, () => db));
});
afterAll(() => { db.close(); rmSync(dir, { recursive: true }); });

const count = async (sql: string): Promise<number> => (await db.query<{ n: number }>(sql))[0]!.n;
const everyRow = (from: string) => db.query<Record<string, unknown>>(`SELECT * FROM ${from} ORDER BY obs_id`);

/**
 * What the copying loader wrote into the one `observations` table, rebuilt here independently: the
 * shipped rows, then each dataset's stored rows with the computed columns and the shipped defaults
 * for the columns a blob lacks.
 */
async function copiedTable(datasets: ReadonlyArray<{ id: string; table: string }>): Promise<void> {
  await db.exec('CREATE OR REPLACE TEMP TABLE copied AS SELECT * FROM shipped_observations');
  for (const { id, table } of datasets) {
    await db.exec(`INSERT INTO copied BY NAME SELECT c.* EXCLUDE (ordinal),
      '${id}' || '#' || c.ordinal::VARCHAR AS obs_id, 'user' AS origin, '${id}' AS dataset_id, coalesce(r.publisher_kind, 'other') AS publisher_kind
      FROM ${table} c LEFT JOIN (SELECT report_id, publisher_kind FROM reports WHERE dataset_id = '${id}') r ON r.report_id = c.report_id`);
  }
}

const tableOf = async (id: string): Promise<string> =>
  (await db.query<{ rows_table: string }>('SELECT rows_table FROM user_datasets WHERE dataset_id = ?', [id]))[0]!.rows_table;

describe('observations as a view over the shipped rows and the user datasets', () => {
  const first = userDataset({ id: 'user-20261206-view-a' }, [
    userObservation(), userObservation({ year: 2021, value: null, unit: '', source_row: 3, table_quote: '原文', table_unit: '%', table_source: 'https://example.gov.cn/' }),
  ]);
  // A report of a county government: its rows take that publisher kind, as the copy gave them.
  const second = userDataset({ id: "user-20261206-view-b'" }, [userObservation({ region_code: '990002', value: 7, inputs: [], flags: ['rate_mismatch'] })]);
  second.reports[0]!.meta.publisher_kind = 'county-gov';

  it('answers every row and column as the copied table did, shipped and user rows alike', async () => {
    const shipped = await count('SELECT count(*)::INTEGER AS n FROM observations');
    expect(shipped).toBeGreaterThan(0);
    await insertUserDataset(db, first, () => null, recomputeCoverage);
    await insertUserDataset(db, second, () => null, recomputeCoverage);
    expect(await count('SELECT count(*)::INTEGER AS n FROM observations')).toBe(shipped + 3);
    await copiedTable([{ id: first.id, table: await tableOf(first.id) }, { id: "user-20261206-view-b''", table: await tableOf(second.id) }]);
    expect(await everyRow('observations')).toEqual(await everyRow('copied'));
    expect(await db.query('SELECT obs_id, origin, dataset_id, publisher_kind, flags FROM observations WHERE dataset_id = ?', [second.id]))
      .toEqual([{ obs_id: `${second.id}#1`, origin: 'user', dataset_id: second.id, publisher_kind: 'county-gov', flags: 'rate_mismatch' }]);
  });

  it('gives a blob stored before the table\'s own fields their shipped default (\'\'), like the copy did', async () => {
    const older = userDataset({ id: 'user-20261206-view-old' }, [userObservation({ year: 2019 })]);
    const columns = STORED_ROW_COLUMNS.filter((c) => !c.startsWith('table_'));
    const text = storedRowsText(older.observations).split('\n').map((line) => line.split(',').slice(0, columns.length).join(',')).join('\n');
    const bytes = new TextEncoder().encode(text);
    await insertStoredDataset(db, storedRowsMeta(older, { format: CSV_ROWS_FORMAT, columns: [...columns], rowCount: 1, byteLength: bytes.length, sha256: '' }),
      bytes, async () => () => null, recomputeCoverage);
    expect(await db.query('SELECT year, table_quote, table_unit, table_source, origin FROM observations WHERE dataset_id = ?', [older.id]))
      .toEqual([{ year: 2019, table_quote: '', table_unit: '', table_source: '', origin: 'user' }]);
    await deleteUserDataset(db, older.id, recomputeCoverage);
  });

  it('replaces a re-imported dataset\'s table and drops a deleted one, leaving the shipped rows as they were', async () => {
    const tables = await count('SELECT count(*)::INTEGER AS n FROM duckdb_tables()');
    const before = await tableOf(first.id);
    const again = userDataset({ id: first.id }, [userObservation({ year: 2018, value: 1 })]);
    await insertUserDataset(db, again, () => null, recomputeCoverage);
    expect(await tableOf(first.id)).not.toBe(before);
    expect(await count(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = '${before}'`)).toBe(0);
    expect(await count('SELECT count(*)::INTEGER AS n FROM duckdb_tables()')).toBe(tables);
    expect(await db.query('SELECT year, value FROM observations WHERE dataset_id = ?', [first.id])).toEqual([{ year: 2018, value: 1 }]);
    await deleteUserDataset(db, first.id, recomputeCoverage);
    await deleteUserDataset(db, second.id, recomputeCoverage);
    expect(await count('SELECT count(*)::INTEGER AS n FROM duckdb_tables()')).toBe(tables - 2);
    expect(await everyRow('observations')).toEqual(await everyRow('shipped_observations'));
    expect(await count("SELECT count(*)::INTEGER AS n FROM observations WHERE origin = 'user'")).toBe(0);
  });
});
