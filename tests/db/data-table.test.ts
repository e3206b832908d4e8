import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataCount, dataPage, figureSpan, NO_FILTERS, SORTS, whereOf, type DataFilters, type DataRow } from '../../src/db/queries/data-table.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';

const f = (patch: Partial<DataFilters>): DataFilters => ({ ...NO_FILTERS, ...patch });
const ids = (rows: DataRow[]) => rows.map((r) => r.obs_id);

describe('the data table on the fake fixture', () => {
  let db: NodeDb;
  beforeAll(async () => { db = await openNodeDb(); });
  afterAll(() => db.close());
  const all = async (filters: DataFilters) => ids(await dataPage(db, filters, 'place', 1000, 0));

  it('counts every row, and the places, reports and years they come from', async () => {
    expect(await dataCount(db, NO_FILTERS)).toEqual({
      n_rows: 12, n_places: 3, n_reports: 8, first_year: 2020, last_year: 2024, total_places: 3, total_reports: 8,
    });
  });

  it('says how sparse a narrow filter is', async () => {
    expect(await dataCount(db, f({ indicatorId: 'hotline.tickets' }))).toMatchObject({ n_rows: 4, n_places: 1, n_reports: 3, total_places: 3 });
    expect(await dataCount(db, f({ year: 1999 }))).toMatchObject({ n_rows: 0, n_places: 0, first_year: null, last_year: null });
  });

  it('reads pages that never overlap and together give every row once, in place → year → catalog → pick order', async () => {
    const pages = [...(await dataPage(db, NO_FILTERS, 'place', 5, 0)), ...(await dataPage(db, NO_FILTERS, 'place', 5, 5)), ...(await dataPage(db, NO_FILTERS, 'place', 5, 10))];
    expect(pages).toHaveLength(12);
    expect(new Set(ids(pages)).size).toBe(12);
    expect(ids(pages)).toEqual(await all(NO_FILTERS));
    expect(ids(pages).slice(0, 4)).toEqual(['fake-ceshi-2020#2', 'fake-ceshi-2020#1', 'fake-ceshi-2021#1', 'fake-ceshi-2021#2']);
    expect(await dataPage(db, NO_FILTERS, 'place', 5, 100)).toEqual([]);
  });

  it('joins the place, indicator and report', async () => {
    const [row] = await dataPage(db, f({ indicatorId: 'mediation.cases' }), 'place', 1, 0);
    expect(row).toMatchObject({
      obs_id: 'fake-ceshi-2020#2', region_name: '测试县', name_pinyin: 'Ceshi', province_name: '测试省', prefecture_name: '测试市',
      indicator_name_zh: '人民调解案件数', value: 1234, unit: '件', report_title: '测试县2020年法治政府建设年度报告(虚构)',
      publisher: '测试县人民政府', url: 'https://example.invalid/ceshi-2020', flags: [], n_candidates: 1, chosen_obs_id: 'fake-ceshi-2020#2',
    });
  });

  it('tells which row of a place-year the pick rule chooses, over the whole table', async () => {
    const rows = await dataPage(db, f({ kind: 'derived' }), 'place', 10, 0);
    expect(rows.map((r) => [r.obs_id, r.n_candidates, r.chosen_obs_id])).toEqual([
      // the printed 95% (filtered out here) beats the derived 93%
      ['fake-ceshi-2021#2', 2, 'fake-ceshi-2021#1'],
      ['fake-ceshi-2024-dept#1', 1, 'fake-ceshi-2024-dept#1'],
    ]);
    const [qualitative] = await dataPage(db, f({ quoteText: '高于全市' }), 'place', 10, 0);
    expect(qualitative).toMatchObject({ value: null, n_candidates: 2, chosen_obs_id: 'fake-yangli-2022#1' });
  });

  it('filters by indicator, places, year, kind, precision and period', async () => {
    expect(await all(f({ indicatorId: 'hotline.tickets', year: 2022 }))).toEqual(['fake-yanshi-2022#1', 'fake-yanshi-2022-b#2', 'fake-yanshi-2022-b#1']);
    expect(await all(f({ regionCodes: ['990002', '990003'], indicatorId: 'mediation.success_rate' }))).toEqual(['fake-yangli-2022#1', 'fake-yangli-2022#2']);
    expect(await all(f({ approx: 'approx' }))).toEqual(['fake-ceshi-2021#1', 'fake-yangli-2022#1']);
    expect(await all(f({ approx: 'about' }))).toEqual(['fake-yangli-2022#1']);
    expect(await all(f({ approx: 'exact' }))).toHaveLength(10);
    expect(await all(f({ period: 'part' }))).toEqual(['fake-ceshi-2023#1', 'fake-yanshi-2022#1', 'fake-yanshi-2022-b#2', 'fake-yanshi-2022-b#1']);
    expect(await all(f({ period: 'year' }))).toHaveLength(8);
    expect(await all(f({ kind: 'reported' }))).toHaveLength(10);
  });

  it('finds places by name, pinyin (any case, spaces ignored), code prefix, prefecture or province', async () => {
    const places = async (placeText: string) => [...new Set((await dataPage(db, f({ placeText }), 'place', 100, 0)).map((r) => r.region_code))];
    expect(await places('样例')).toEqual(['990002']);
    expect(await places('yang li')).toEqual(['990002']);
    expect(await places('YANSHI')).toEqual(['990003']);
    expect(await places('990003')).toEqual(['990003']);
    expect(await places('9900')).toEqual(['990001', '990002', '990003']);
    expect(await places('测试省')).toEqual(['990001', '990002', '990003']);
    expect(await places('  ')).toEqual(['990001', '990002', '990003']);
    expect(await places('北京')).toEqual([]);
  });

  it('searches the quote as plain text: % and _ are not wildcards, quotes and newlines are fine', async () => {
    expect(await all(f({ quoteText: '95%' }))).toEqual(['fake-ceshi-2021#1']);
    expect(await all(f({ quoteText: '%' }))).toHaveLength(4);
    expect(await all(f({ quoteText: '_' }))).toEqual([]);
    expect(await all(f({ quoteText: '"示例"' }))).toEqual(['fake-ceshi-2020#2']);
    expect(await all(f({ quoteText: '乡镇\n调解' }))).toEqual(['fake-ceshi-2020#2']);
  });

  it('binds every value: hostile text finds nothing and breaks nothing', async () => {
    const hostile = "x' OR 1=1 --";
    expect(await all(f({ indicatorId: hostile }))).toEqual([]);
    expect(await all(f({ placeText: hostile, quoteText: hostile }))).toEqual([]);
    expect(await all(f({ regionCodes: [hostile] }))).toEqual([]);
    const where = whereOf(f({ indicatorId: hostile, placeText: hostile, quoteText: hostile, year: 2020, kind: 'derived', approx: 'about' }));
    expect(where.sql).not.toContain(hostile);
    expect(where.params).toContain(hostile);
    expect(whereOf(NO_FILTERS)).toEqual({ sql: '', params: [], needsRegions: false });
  });

  it('sorts by year (newest first), indicator or value (largest first, qualitative last)', async () => {
    for (const sort of SORTS) expect(await dataPage(db, NO_FILTERS, sort, 100, 0)).toHaveLength(12);
    expect((await dataPage(db, NO_FILTERS, 'year_desc', 100, 0)).map((r) => r.year)).toEqual([2024, 2023, 2022, 2022, 2022, 2022, 2022, 2021, 2021, 2021, 2020, 2020]);
    const byValue = await dataPage(db, NO_FILTERS, 'value_desc', 100, 0);
    expect(byValue[0]!.value).toBe(5000);
    expect(byValue.at(-1)!.value).toBeNull();
    expect((await dataPage(db, NO_FILTERS, 'indicator', 100, 0)).map((r) => r.indicator_id)[0]).toBe('mediation.cases');
  });

  it('locates the figure in its quote by span_start - quote_start', async () => {
    const rows = await dataPage(db, NO_FILTERS, 'place', 100, 0);
    const figure = (id: string) => {
      const row = rows.find((r) => r.obs_id === id)!;
      const span = figureSpan(row);
      return span ? row.quote.slice(span.start, span.end) : null;
    };
    expect(figure('fake-ceshi-2020#1')).toBe('90.5%');
    expect(figure('fake-ceshi-2020#2')).toBe('1,234');
  });
});

describe('figureSpan', () => {
  const row = { quote: '共调解12件。', span_start: 103, span_end: 106, quote_start: 100 };
  it('gives the offsets in the quote, or null when the span falls outside it', () => {
    expect(figureSpan(row)).toEqual({ start: 3, end: 6 });
    expect(figureSpan({ ...row, quote_start: null })).toBeNull();
    expect(figureSpan({ ...row, span_start: 99 })).toBeNull();
    expect(figureSpan({ ...row, span_end: 120 })).toBeNull();
    expect(figureSpan({ ...row, span_end: 103 })).toBeNull();
  });
});

describe('the data table on the shipped dataset (public/data)', () => {
  let db: NodeDb;
  beforeAll(async () => { db = await openNodeDb(join(import.meta.dirname, '..', '..', 'public', 'data')); });
  afterAll(() => db.close());

  it('counts what a direct query counts', async () => {
    const [direct] = await db.query<{ n: number; part: number }>(`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE period <> 'year')::INTEGER AS part FROM observations`);
    expect((await dataCount(db, NO_FILTERS)).n_rows).toBe(direct!.n);
    expect((await dataCount(db, f({ period: 'part' }))).n_rows).toBe(direct!.part);
  });

  it('pages through every row exactly once, each with its figure marked inside its quote', async () => {
    const total = (await dataCount(db, NO_FILTERS)).n_rows;
    const seen: DataRow[] = [];
    for (let offset = 0; offset < total; offset += 50) seen.push(...(await dataPage(db, NO_FILTERS, 'place', 50, offset)));
    expect(seen).toHaveLength(total);
    expect(new Set(ids(seen)).size).toBe(total);
    for (const row of seen) {
      const span = figureSpan(row);
      expect(span, row.obs_id).not.toBeNull();
      expect(row.quote.slice(span!.start, span!.end)).toMatch(/[0-9一二三四五六七八九十百千万两零〇]/);
      expect(row.n_candidates).toBeGreaterThanOrEqual(1);
    }
  });

  it('finds places by pinyin and province', async () => {
    const rows = await dataPage(db, f({ placeText: 'tongzhou' }), 'place', 500, 0);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.region_name))).toEqual(new Set(['通州区']));
    const shanxi = await dataPage(db, f({ placeText: '山西省' }), 'place', 500, 0);
    expect(shanxi.every((r) => r.province_name === '山西省')).toBe(true);
  });
});
