import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteUserDataset, insertUserDataset, prepareUserTables, userObsId, type TextFiles } from '../../src/db/user-rows.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';
import { syntheticRows, userDataset, userObservation } from './user-dataset-fixture.ts';

/** The browser registers text with duckdb-wasm; Node reads it from a temp file. */
function tempFiles(dir: string): TextFiles {
  return {
    register: async (name, text) => { const path = join(dir, name); writeFileSync(path, text); return path; },
    drop: async (name) => unlinkSync(join(dir, name)),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'user-rows-'));
let db: NodeDb;
let bound: NodeDb; // without registered files: the bound-INSERT fallback
beforeAll(async () => {
  [db, bound] = await Promise.all([openNodeDb(), openNodeDb()]);
  await prepareUserTables(db, tempFiles(dir));
  await prepareUserTables(bound);
});
afterAll(() => { db.close(); bound.close(); rmSync(dir, { recursive: true }); });

const count = async (sql: string, params: (string | number)[] = []) => (await db.query<{ n: number }>(sql, params))[0]!.n;
const noDivisions = () => null;
/** Synthetic rows for the insert benchmark (FAZHI_BENCH_ROWS=100000 to measure at scale). */
const BENCH_ROWS = Number(process.env.FAZHI_BENCH_ROWS ?? 5000);

describe('user rows in DuckDB', () => {
  it('marks every shipped row as shipped', async () => {
    expect(await count("SELECT count(*)::INTEGER AS n FROM observations WHERE origin <> 'shipped' OR dataset_id <> ''")).toBe(0);
    expect(await count("SELECT count(*)::INTEGER AS n FROM reports WHERE origin <> 'shipped'")).toBe(0);
  });

  it('adds a dataset beside the shipped rows and removes it by id, leaving shipped rows as they were', async () => {
    const before = await count('SELECT count(*)::INTEGER AS n FROM observations');
    const dataset = userDataset({}, [userObservation(), userObservation({ year: 2021, value: 91, source_row: 3 })]);
    await insertUserDataset(db, dataset, noDivisions);
    const rows = await db.query<{ obs_id: string; origin: string; dataset_id: string; source_row: number; publisher_kind: string }>(
      "SELECT obs_id, origin, dataset_id, source_row, publisher_kind FROM observations WHERE origin = 'user' ORDER BY obs_id");
    expect(rows).toEqual([
      { obs_id: userObsId(dataset.id, 0), origin: 'user', dataset_id: dataset.id, source_row: 2, publisher_kind: 'other' },
      { obs_id: userObsId(dataset.id, 1), origin: 'user', dataset_id: dataset.id, source_row: 3, publisher_kind: 'other' },
    ]);
    expect(await count('SELECT count(*)::INTEGER AS n FROM reports WHERE dataset_id = ?', [dataset.id])).toBe(1);
    expect(await count('SELECT count(*)::INTEGER AS n FROM user_datasets WHERE file_name = ?', ['测试.csv'])).toBe(1);
    // saving the same dataset again replaces it, never doubles it
    await insertUserDataset(db, dataset, noDivisions);
    expect(await count('SELECT count(*)::INTEGER AS n FROM observations')).toBe(before + 2);
    await deleteUserDataset(db, dataset.id);
    expect(await count('SELECT count(*)::INTEGER AS n FROM observations')).toBe(before);
    expect(await count('SELECT count(*)::INTEGER AS n FROM user_datasets')).toBe(0);
  });

  it('adds a place the shipped regions lack from the divisions, and drops it with the last row naming it', async () => {
    const place = userObservation({ region_code: '140223', region_name: '广灵县' });
    const dataset = userDataset({ id: 'user-20261123-place' }, [place]);
    await insertUserDataset(db, dataset, (code) => (code === '140223' ? {
      region_code: '140223', region_name: '广灵县', name_pinyin: 'Guangling', level: 'county', prefecture_code: '140200',
      prefecture_name: '大同市', province_code: '140000', province_name: '山西省', name_pinyin_full: 'guanglingxian',
      name_pinyin_initials: 'glx', level_zh: '县',
    } : null));
    expect(await db.query('SELECT region_name, name_pinyin, province_name, origin FROM regions WHERE region_code = ?', ['140223']))
      .toEqual([{ region_name: '广灵县', name_pinyin: 'Guangling', province_name: '山西省', origin: 'user' }]);
    await deleteUserDataset(db, dataset.id);
    expect(await count('SELECT count(*)::INTEGER AS n FROM regions WHERE region_code = ?', ['140223'])).toBe(0);
    expect(await count("SELECT count(*)::INTEGER AS n FROM regions WHERE origin = 'shipped'")).toBeGreaterThan(0);
  });

  it('leaves the tables unchanged when an insert fails part-way', async () => {
    const before = await count('SELECT count(*)::INTEGER AS n FROM observations');
    const broken = userDataset({ id: 'user-20261123-broken' }, [userObservation(), userObservation({ year: 'x' as unknown as number })]);
    await expect(insertUserDataset(db, broken, noDivisions)).rejects.toThrow();
    expect(await count('SELECT count(*)::INTEGER AS n FROM observations')).toBe(before);
    expect(await count('SELECT count(*)::INTEGER AS n FROM user_datasets')).toBe(0);
  });

  it.each([['through a CSV file', () => db], ['through bound INSERTs', () => bound]])('keeps hostile text as data, and empty text as empty (%s)', async (_, which) => {
    const target = which();
    const evil = "<img src=x onerror=alert(1)>'; DROP TABLE observations; --\n\"引号\",逗号";
    const dataset = userDataset({ id: 'user-20261123-evil', fileName: evil }, [userObservation({ region_name: evil, quote: evil, unit: '', value: null })]);
    await insertUserDataset(target, dataset, noDivisions);
    expect(await target.query('SELECT region_name, quote, unit, value FROM observations WHERE dataset_id = ?', [dataset.id]))
      .toEqual([{ region_name: evil, quote: evil, unit: '', value: null }]);
    await deleteUserDataset(target, dataset.id);
  });

  it('inserts BENCH_ROWS synthetic rows (benchmark: prints the time)', async () => {
    const dataset = userDataset({ id: 'user-20261123-bench' }, syntheticRows(BENCH_ROWS));
    const started = performance.now();
    await insertUserDataset(db, dataset, noDivisions);
    console.log(`insertUserDataset: ${BENCH_ROWS} rows in ${Math.round(performance.now() - started)} ms (Node)`);
    expect(await count('SELECT count(*)::INTEGER AS n FROM observations WHERE dataset_id = ?', [dataset.id])).toBe(BENCH_ROWS);
    await deleteUserDataset(db, dataset.id);
  }, 120_000);
});
