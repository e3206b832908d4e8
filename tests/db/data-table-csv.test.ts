import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOM } from '../../src/core/csv/to-csv.ts';
import { dataCount, NO_FILTERS } from '../../src/db/queries/data-table.ts';
import { CSV_COLUMNS, csvFileName, exportCsvParts } from '../../src/features/data/data-csv.ts';
import { quoteExcerpt } from '../../src/features/data/quote-excerpt.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';

const OBS = `(region_code, region_name, year, period, indicator_id, value, unit, approx, value_kind, report_id, quote, span_start, span_end, rule_id, publisher_kind, obs_id, quote_start)`;

function parse(csv: string): Record<string, string>[] {
  expect(csv.startsWith(BOM)).toBe(true);
  const result = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true, delimiter: ',' });
  expect(result.errors).toEqual([]);
  expect(result.meta.fields).toEqual([...CSV_COLUMNS]);
  return result.data;
}

describe('the CSV download of the Data view', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openNodeDb();
    // Invented hostile rows: a quote that starts like a formula, a negative (derived) value.
    await db.exec(`INSERT INTO shipped_observations ${OBS} VALUES
      ('990003', '演示区', 2023, 'year', 'hotline.tickets', -3.5, '件', 'exact', 'derived', 'fake-x', '=HYPERLINK("http://example.invalid","点我")共-3.5件', 40, 44, 'r', 'district-gov', 'fake-x#1', 0),
      ('990003', '演示区', 2023, 'year', 'mediation.cases', 7, '件', 'exact', 'reported', 'fake-x', '-7件,"引号",逗号,换行\n结束', 1, 3, 'r', 'district-gov', 'fake-x#2', 0)`);
  });
  afterAll(() => db.close());

  it('holds every filtered row, read in chunks, in the table order, once', async () => {
    expect((await dataCount(db, NO_FILTERS)).n_rows).toBe(14);
    const progress: number[] = [];
    const parts = await exportCsvParts(db, NO_FILTERS, 'place', (done) => progress.push(done), 5);
    expect(progress).toEqual([5, 10, 14]);
    const rows = parse(parts.join(''));
    expect(rows).toHaveLength(14);
    // The report stays citable from the file alone: its title, publisher, date and address.
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['report_title', 'publisher', 'published', 'url']));
    expect(new Set(rows.map((r) => r.obs_id)).size).toBe(14);
    expect(rows[0]).toMatchObject({
      obs_id: 'fake-ceshi-2020#2', region_name: '测试县', province_name: '测试省', year: '2020', period: 'year', value: '1234',
      indicator_name_zh: '人民调解案件数', chosen: 'true', n_candidates: '1', figure_text: '1,234', report_title: '测试县2020年法治政府建设年度报告(虚构)',
    });
    expect(rows.find((r) => r.obs_id === 'fake-ceshi-2021#2')).toMatchObject({ chosen: 'false', n_candidates: '2', derivation: '93 ÷ 100 × 100' });
    expect(rows.find((r) => r.obs_id === 'fake-yangli-2022#2')).toMatchObject({ value: '' });
    expect(rows.find((r) => r.obs_id === 'fake-ceshi-2024-dept#1')!.flags).toContain('rate_mismatch: printed 96%');
  });

  it('neutralises formula-like text but writes negative numbers as numbers, and keeps quotes, commas and newlines', async () => {
    const filters = { ...NO_FILTERS, regionCodes: ['990003'], year: 2023 };
    const csv = (await exportCsvParts(db, filters, 'place', () => undefined)).join('');
    const rows = parse(csv);
    const hostile = rows.find((r) => r.obs_id === 'fake-x#1')!;
    expect(hostile.quote).toBe('\'=HYPERLINK("http://example.invalid","点我")共-3.5件');
    expect(hostile.value).toBe('-3.5');
    expect(csv).toContain(',-3.5,');
    const tricky = rows.find((r) => r.obs_id === 'fake-x#2')!;
    expect(tricky.quote).toBe('\'-7件,"引号",逗号,换行\n结束');
    expect(tricky.figure_text).toBe('7件');
  });

  it('does not stop early at a chunk boundary', async () => {
    const progress: number[] = [];
    const rows = parse((await exportCsvParts(db, NO_FILTERS, 'place', (done) => progress.push(done), 7)).join(''));
    expect(rows).toHaveLength(14);
    expect(progress).toEqual([7, 14, 14]);
  });

  it('writes the header alone when nothing matches', async () => {
    const csv = (await exportCsvParts(db, { ...NO_FILTERS, year: 1999 }, 'place', () => undefined)).join('');
    expect(csv).toBe(`${BOM}${CSV_COLUMNS.join(',')}\r\n`);
  });
});

describe('csvFileName', () => {
  const day = new Date(2025, 0, 9);
  it('says what was exported', () => {
    expect(csvFileName({ indicatorId: 'hotline.tickets', year: null, regionCodes: [] }, day)).toBe('fazhi-atlas-observations-hotline.tickets-2025-01-09.csv');
    expect(csvFileName({ indicatorId: null, year: 2024, regionCodes: ['110112'] }, day, true)).toBe('fazhi-atlas-observations-all-indicators-year2024-110112-filtered-2025-01-09.csv');
    expect(csvFileName({ indicatorId: 'a/b c', year: null, regionCodes: ['1', '2'] }, day)).toBe('fazhi-atlas-observations-a_b_c-2-places-2025-01-09.csv');
  });
});

describe('quoteExcerpt', () => {
  const quote = `${'前'.repeat(50)}共受理1,234件${'后'.repeat(50)}`;
  const span = { start: 53, end: 59 };
  it('cuts around the figure and says where it cut', () => {
    const e = quoteExcerpt(quote, span, 10);
    expect(e).toEqual({ before: `${'前'.repeat(7)}共受理`, figure: '1,234件', after: '后'.repeat(10), cutStart: true, cutEnd: true });
    expect(quoteExcerpt('共12件。', { start: 1, end: 4 }, 10)).toEqual({ before: '共', figure: '12件', after: '。', cutStart: false, cutEnd: false });
  });
  it('shows the beginning when the figure cannot be placed', () => {
    expect(quoteExcerpt(quote, null, 10)).toMatchObject({ before: '前'.repeat(20), figure: '', cutEnd: true });
    expect(quoteExcerpt('短句', null)).toEqual({ before: '短句', figure: '', after: '', cutStart: false, cutEnd: false });
  });
  it('never splits a surrogate pair', () => {
    const astral = `${'𠀀'.repeat(10)}12件${'𠀀'.repeat(10)}`; // each 𠀀 is two UTF-16 code units
    const e = quoteExcerpt(astral, { start: 20, end: 23 }, 5);
    expect(e.figure).toBe('12件');
    expect(e.before).toBe('𠀀'.repeat(3));
    expect(e.after).toBe('𠀀'.repeat(3));
  });
});
