import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageCells } from '../../src/db/queries/coverage.ts';
import { dataCount, dataPage, NO_FILTERS } from '../../src/db/queries/data-table.ts';
import { profileFigures } from '../../src/db/queries/profile.ts';
import { observationSiblings, pickReason } from '../../src/db/queries/provenance.ts';
import { trendPoints } from '../../src/db/queries/trend.ts';
import { recomputeCoverage } from '../../src/db/pre-aggregates.ts';
import { arrowRowsStream } from '../../src/core/user-data/stored-rows-arrow.ts';
import { ARROW_ROWS_FORMAT, CSV_ROWS_FORMAT, STORED_ROW_COLUMNS, storedRowsMeta, storedRowsText, type StoredRowsFormat } from '../../src/core/user-data/stored-rows.ts';
import { csvRecord } from '../../src/features/data/data-csv.ts';
import { deleteUserDataset, insertUserDataset, prepareUserTables, userObsId } from '../../src/db/user-rows.ts';
import { insertStoredDataset } from '../../src/db/stored-datasets.ts';
import { nodeFiles } from './arrow-staging.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';
import { syntheticRows, userDataset, userObservation } from './user-dataset-fixture.ts';
import type { UserObservation } from '../../src/core/user-data/types.ts';

const dir = mkdtempSync(join(tmpdir(), 'user-rows-'));
let db: NodeDb;
let bound: NodeDb; // without registered files: the bound-INSERT fallback
beforeAll(async () => {
  [db, bound] = await Promise.all([openNodeDb(), openNodeDb()]);
  await prepareUserTables(db, nodeFiles(dir, () => db));
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
    await insertUserDataset(db, dataset, noDivisions, recomputeCoverage);
    const rows = await db.query<{ obs_id: string; origin: string; dataset_id: string; source_row: number; publisher_kind: string }>(
      "SELECT obs_id, origin, dataset_id, source_row, publisher_kind FROM observations WHERE origin = 'user' ORDER BY obs_id");
    expect(rows).toEqual([
      { obs_id: userObsId(dataset.id, 0), origin: 'user', dataset_id: dataset.id, source_row: 2, publisher_kind: 'other' },
      { obs_id: userObsId(dataset.id, 1), origin: 'user', dataset_id: dataset.id, source_row: 3, publisher_kind: 'other' },
    ]);
    expect(await count('SELECT count(*)::INTEGER AS n FROM reports WHERE dataset_id = ?', [dataset.id])).toBe(1);
    expect(await count('SELECT count(*)::INTEGER AS n FROM user_datasets WHERE file_name = ?', ['测试.csv'])).toBe(1);
    // the file-level report of a table names no place: no empty place may appear
    expect(await count("SELECT count(*)::INTEGER AS n FROM regions WHERE region_code = '' OR region_code IS NULL")).toBe(0);
    // saving the same dataset again replaces it, never doubles it
    await insertUserDataset(db, dataset, noDivisions, recomputeCoverage);
    expect(await count('SELECT count(*)::INTEGER AS n FROM observations')).toBe(before + 2);
    await deleteUserDataset(db, dataset.id, recomputeCoverage);
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
    await deleteUserDataset(db, dataset.id, recomputeCoverage);
    expect(await count('SELECT count(*)::INTEGER AS n FROM regions WHERE region_code = ?', ['140223'])).toBe(0);
    expect(await count("SELECT count(*)::INTEGER AS n FROM regions WHERE origin = 'shipped'")).toBeGreaterThan(0);
  });

  it('leaves the tables unchanged when an insert fails part-way', async () => {
    const before = await count('SELECT count(*)::INTEGER AS n FROM observations');
    const broken = userDataset({ id: 'user-20261123-broken' }, [userObservation(), userObservation({ year: 'x' as unknown as number })]);
    await expect(insertUserDataset(db, broken, noDivisions, recomputeCoverage)).rejects.toThrow();
    expect(await count('SELECT count(*)::INTEGER AS n FROM observations')).toBe(before);
    expect(await count('SELECT count(*)::INTEGER AS n FROM user_datasets')).toBe(0);
  });

  it.each([
    [ARROW_ROWS_FORMAT, (o: UserObservation[]) => arrowRowsStream(o)],
    [CSV_ROWS_FORMAT, (o: UserObservation[]) => new TextEncoder().encode(storedRowsText(o))],
  ] as Array<[StoredRowsFormat, (o: UserObservation[]) => Uint8Array]>)(
    'refuses a stored %s blob that does not hold the rows its record counts, or is cut short, leaving the tables as they were', async (format, encode) => {
      const before = await count('SELECT count(*)::INTEGER AS n FROM observations');
      const tablesBefore = await count('SELECT count(*)::INTEGER AS n FROM duckdb_tables()');
      const dataset = userDataset({ id: 'user-20261205-stored' }, [userObservation(), userObservation({ year: 2021, source_row: 3, value: null, unit: '' })]);
      const whole = encode(dataset.observations);
      const meta = (rowCount: number, bytes: Uint8Array) => storedRowsMeta(dataset, {
        format, columns: [...STORED_ROW_COLUMNS], rowCount, byteLength: bytes.length, sha256: '0'.repeat(64) });
      await expect(insertStoredDataset(db, meta(3, whole), whole, async () => noDivisions, recomputeCoverage))
        .rejects.toThrow('user-20261205-stored: 2 rows read from the stored file, 3 expected');
      const cut = whole.slice(0, whole.length - 12);
      await expect(insertStoredDataset(db, meta(2, cut), cut, async () => noDivisions, recomputeCoverage)).rejects.toThrow();
      expect(await count('SELECT count(*)::INTEGER AS n FROM observations')).toBe(before);
      expect(await count('SELECT count(*)::INTEGER AS n FROM user_datasets')).toBe(0);
      expect(await count('SELECT count(*)::INTEGER AS n FROM duckdb_tables()')).toBe(tablesBefore); // no staging table left behind
      // The same blob with the right count loads in one statement, every row, NULL and '' as stored.
      await insertStoredDataset(db, meta(2, whole), whole, async () => noDivisions, recomputeCoverage);
      expect(await db.query('SELECT obs_id, year, value, unit, source_row, origin, publisher_kind FROM observations WHERE dataset_id = ? ORDER BY obs_id', [dataset.id]))
        .toEqual([
          { obs_id: userObsId(dataset.id, 0), year: 2020, value: 88, unit: '%', source_row: 2, origin: 'user', publisher_kind: 'other' },
          { obs_id: userObsId(dataset.id, 1), year: 2021, value: null, unit: '', source_row: 3, origin: 'user', publisher_kind: 'other' },
        ]);
      // The rows stay in the dataset's own table under the view (observations-view.ts): one table more, no staging left.
      expect(await count('SELECT count(*)::INTEGER AS n FROM duckdb_tables()')).toBe(tablesBefore + 1);
      await deleteUserDataset(db, dataset.id, recomputeCoverage);
      expect(await count('SELECT count(*)::INTEGER AS n FROM duckdb_tables()')).toBe(tablesBefore); // removing it drops its table
      expect(await count('SELECT count(*)::INTEGER AS n FROM observations')).toBe(before);
    });

  it.each([['through a CSV file', () => db], ['through bound INSERTs', () => bound]])('keeps hostile text as data, and empty text as empty (%s)', async (_, which) => {
    const target = which();
    const evil = "<img src=x onerror=alert(1)>'; DROP TABLE observations; --\n\"引号\",逗号";
    const dataset = userDataset({ id: 'user-20261123-evil', fileName: evil }, [userObservation({ region_name: evil, quote: evil, unit: '', value: null })]);
    await insertUserDataset(target, dataset, noDivisions, recomputeCoverage);
    expect(await target.query('SELECT region_name, quote, unit, value FROM observations WHERE dataset_id = ?', [dataset.id]))
      .toEqual([{ region_name: evil, quote: evil, unit: '', value: null }]);
    await deleteUserDataset(target, dataset.id, recomputeCoverage);
  });

  it.each([['through a CSV file', () => db], ['through bound INSERTs', () => bound]])('keeps a table row\'s own quote, unit and source apart, for the source panel (%s)', async (_, which) => {
    const target = which();
    const fields = { table_quote: '全年调解成功率88%。', table_unit: '%', table_source: 'https://example.gov.cn/r.html' };
    const dataset = userDataset({ id: 'user-20261206-fields' }, [userObservation(fields)]);
    await insertUserDataset(target, dataset, noDivisions, recomputeCoverage);
    const [detail] = await observationSiblings(target, userObsId(dataset.id, 0)).then((rows) => rows.filter((r) => r.origin === 'user'));
    expect(detail).toMatchObject({ ...fields, quote: '地区: 测试县; 2020: 88' });
    // The Data table (and so its CSV download) carries them too.
    const rows = await dataPage(target, { ...NO_FILTERS, regionCodes: ['990001'], indicatorId: 'mediation.success_rate', year: 2020 }, 'place', 10, 0);
    expect(rows.filter((r) => r.origin === 'user').map((r) => csvRecord(r))).toEqual([expect.objectContaining(fields)]);
    expect(rows.filter((r) => r.origin === 'shipped').map((r) => [r.table_quote, r.table_unit, r.table_source])).toEqual([['', '', '']]);
    await deleteUserDataset(target, dataset.id, recomputeCoverage);
  });

  it('loads a blob stored before the table\'s own fields were kept: its stored column list lacks them, they read as empty', async () => {
    const dataset = userDataset({ id: 'user-20261206-older' }, [userObservation(), userObservation({ year: 2021, source_row: 3 })]);
    const older = STORED_ROW_COLUMNS.slice(0, STORED_ROW_COLUMNS.indexOf('table_quote'));
    // The blob as that version wrote it: its own header, each line without the last three cells (all '""' here).
    const text = storedRowsText(dataset.observations).replace(/,"","",""\n/g, '\n').replace(/^.*\n/, `${older.map((c) => `"${c}"`).join(',')}\n`);
    const bytes = new TextEncoder().encode(text);
    const meta = storedRowsMeta(dataset, { format: CSV_ROWS_FORMAT, columns: [...older], rowCount: 2, byteLength: bytes.length, sha256: '0'.repeat(64) });
    await insertStoredDataset(db, meta, bytes, async () => noDivisions, recomputeCoverage);
    expect(await db.query('SELECT source_row, table_quote, table_unit, table_source FROM observations WHERE dataset_id = ? ORDER BY source_row', [dataset.id]))
      .toEqual([2, 3].map((row) => ({ source_row: row, table_quote: '', table_unit: '', table_source: '' })));
    await deleteUserDataset(db, dataset.id, recomputeCoverage);
  });

  it('gives a user\'s PDF report its page map in reports.page_starts, so the panel names the page as for a shipped one', async () => {
    const dataset = userDataset({ id: 'user-20261206-pdf', kind: 'report' }, [userObservation({ source_row: null, source_column: '', span_start: 25, span_end: 27 })]);
    dataset.reports[0]!.body = 'x'.repeat(40);
    dataset.reports[0]!.source = { fileName: 'r.pdf', bytes: 1, sha256: '', textSha256: '', format: 'pdf', pageStarts: [0, 10, 20, 30] };
    await insertUserDataset(db, dataset, noDivisions, recomputeCoverage);
    const [detail] = await observationSiblings(db, userObsId(dataset.id, 0)).then((rows) => rows.filter((r) => r.origin === 'user'));
    expect(detail!.page_starts).toEqual([0, 10, 20, 30]);
    await deleteUserDataset(db, dataset.id, recomputeCoverage);
  });

  it('inserts BENCH_ROWS synthetic rows (benchmark: prints the time)', async () => {
    const dataset = userDataset({ id: 'user-20261123-bench' }, syntheticRows(BENCH_ROWS));
    const started = performance.now();
    await insertUserDataset(db, dataset, noDivisions, recomputeCoverage);
    console.log(`insertUserDataset: ${BENCH_ROWS} rows in ${Math.round(performance.now() - started)} ms (Node)`);
    expect(await count('SELECT count(*)::INTEGER AS n FROM observations WHERE dataset_id = ?', [dataset.id])).toBe(BENCH_ROWS);
    await deleteUserDataset(db, dataset.id, recomputeCoverage);
  }, 120_000);
});

describe('the pick rule with user rows', () => {
  const dataset = userDataset({ id: 'user-20261123-pick' }, [
    // 2020 has a shipped whole-year figure (90.5): the user's, even a whole year, is only an alternative
    userObservation({ year: 2020, value: 70 }),
    // 2023 has only a shipped part-year figure: the shipped one still wins (origin comes first)
    userObservation({ year: 2023, value: 71, source_row: 3 }),
    // 2019 has no shipped row: the user's figure is drawn
    userObservation({ year: 2019, value: 72, source_row: 4 }),
  ]);
  beforeAll(() => insertUserDataset(db, dataset, noDivisions, recomputeCoverage));
  afterAll(() => deleteUserDataset(db, dataset.id, recomputeCoverage));

  it('draws the shipped figure where one exists and the user figure only where none does, counting user alternatives', async () => {
    const points = await trendPoints(db, 'mediation.success_rate', ['990001']);
    const byYear = new Map(points.map((p) => [p.year, p]));
    expect(byYear.get(2019)).toMatchObject({ value: 72, origin: 'user', n_user: 1 });
    expect(byYear.get(2020)).toMatchObject({ value: 90.5, origin: 'shipped', n_user: 1, n_candidates: 2 });
    expect(byYear.get(2023)).toMatchObject({ value: 97.2, origin: 'shipped', n_user: 1 });
    expect(byYear.get(2024)).toMatchObject({ origin: 'shipped', n_user: 0 });
  });

  it('lists the user row behind the shipped one in the source panel, with its file, line and column', async () => {
    const shipped = (await trendPoints(db, 'mediation.success_rate', ['990001'])).find((p) => p.year === 2020)!;
    const siblings = await observationSiblings(db, shipped.obs_id);
    expect(siblings.map((s) => s.origin)).toEqual(['shipped', 'user']);
    expect(siblings[1]).toMatchObject({ file_name: '测试.csv', source_row: 2, source_column: '2020', dataset_id: dataset.id, value: 70 });
    expect(pickReason(siblings[0]!, siblings[1]!)).toBe('shipped');
  });

  it('marks the user rows in the Data table and its CSV', async () => {
    const rows = await dataPage(db, { ...NO_FILTERS, regionCodes: ['990001'], indicatorId: 'mediation.success_rate', year: 2020 }, 'place', 10, 0);
    expect(rows.map((r) => [r.origin, r.file_name, r.chosen_obs_id === r.obs_id])).toEqual([['shipped', '', true], ['user', '测试.csv', false]]);
  });

  it("filters the Data table by whose rows they are, in its count and its pages, keeping the pick rule's context", async () => {
    const place = { ...NO_FILTERS, regionCodes: ['990001'], indicatorId: 'mediation.success_rate' };
    const all = await dataPage(db, place, 'year_desc', 100, 0);
    const mine = await dataPage(db, { ...place, origin: 'user' }, 'year_desc', 100, 0);
    const published = await dataPage(db, { ...place, origin: 'shipped' }, 'year_desc', 100, 0);
    expect(mine.map((r) => [r.year, r.value, r.origin])).toEqual([[2023, 71, 'user'], [2020, 70, 'user'], [2019, 72, 'user']]);
    expect(published.length).toBeGreaterThan(0);
    expect(published.every((r) => r.origin === 'shipped')).toBe(true);
    expect([...mine, ...published].map((r) => r.obs_id).sort()).toEqual(all.map((r) => r.obs_id).sort());
    // The competing rows still count the other origin: the 2020 user row is an alternative to the shipped one.
    expect(mine.find((r) => r.year === 2020)).toMatchObject({ n_candidates: 2 });
    expect(mine.find((r) => r.year === 2020)!.chosen_obs_id).not.toBe(mine.find((r) => r.year === 2020)!.obs_id);
    expect((await dataCount(db, { ...place, origin: 'user' })).n_rows).toBe(3);
    expect((await dataCount(db, { ...place, origin: 'shipped' })).n_rows).toBe(published.length);
  });

  it('carries origin into the compare and profile figures', async () => {
    const profile = await profileFigures(db, '990001');
    expect(profile.find((f) => f.indicator_id === 'mediation.success_rate' && f.year === 2019)?.origin).toBe('user');
    expect(profile.find((f) => f.indicator_id === 'mediation.success_rate' && f.year === 2020)?.origin).toBe('shipped');
  });
});

describe('coverage with user rows', () => {
  it('counts the user rows of a cell, and leaves cells without them as they were', async () => {
    const dataset = userDataset({ id: 'user-20261123-cover' }, [userObservation({ year: 2019 }), userObservation({ year: 2020, source_row: 3 })]);
    await insertUserDataset(db, dataset, noDivisions, recomputeCoverage);
    try {
      const cells = await coverageCells(db, null);
      const cell = cells.find((c) => c.region_code === '990001' && c.indicator_id === 'mediation.success_rate')!;
      expect(cell.n_user).toBe(2);
      expect(cell.whole_years).toContain(2019);
      expect(cells.filter((c) => c.n_user !== undefined)).toHaveLength(1);
    } finally {
      await deleteUserDataset(db, dataset.id, recomputeCoverage);
    }
  });

  it('recomputes the pre-aggregates only through the afterChange it is given (no hidden listener)', async () => {
    const nObs = async () => (await db.query<{ n: number }>(
      "SELECT coalesce(sum(n_obs), 0)::INTEGER AS n FROM coverage WHERE region_code = '990001'"))[0]!.n;
    const before = await nObs();
    const dataset = userDataset({ id: 'user-20261123-nohook' }, [userObservation({ year: 2019 })]);
    await insertUserDataset(db, dataset, noDivisions);
    try {
      expect(await nObs()).toBe(before);
    } finally {
      await deleteUserDataset(db, dataset.id);
    }
    await insertUserDataset(db, dataset, noDivisions, recomputeCoverage);
    try {
      expect(await nObs()).toBe(before + 1);
    } finally {
      await deleteUserDataset(db, dataset.id, recomputeCoverage);
    }
    expect(await nObs()).toBe(before);
  });
});
