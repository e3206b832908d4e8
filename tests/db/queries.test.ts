import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryError } from '../../src/db/db.ts';
import {
  countRegions, flagCode, listIndicators, observationDetail, observationSiblings, parseFlags, regionsWithIndicator, trendPoints,
} from '../../src/db/queries/index.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';

let db: NodeDb;
beforeAll(async () => { db = await openNodeDb(); });
afterAll(() => db.close());

describe('loading the dataset CSVs', () => {
  it('reads UTF-8 with BOM, RFC 4180 quoting and quoted newlines', async () => {
    const [row] = await db.query<{ quote: string; value: number }>(
      'SELECT quote, value FROM observations WHERE obs_id = ?', ['fake-ceshi-2020#2']);
    expect(row).toEqual({ quote: '【虚构】测试县共调解纠纷1,234件,其中"示例"乡镇\n调解300件。', value: 1234 });
  });

  it('keeps columns it does not declare, as text', async () => {
    const [row] = await db.query<{ fixture_note: string }>('SELECT fixture_note FROM regions LIMIT 1');
    expect(row?.fixture_note).toBe('fake');
  });

  it('returns numbers, never BigInt', async () => {
    const [row] = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM observations');
    expect(row?.n).toBe(12);
  });
});

describe('parseFlags', () => {
  it("splits the pipeline's '; '-joined flags and reads their codes", () => {
    expect(parseFlags(null)).toEqual([]);
    expect(parseFlags('')).toEqual([]);
    expect(parseFlags('rate_mismatch: printed 99% but 2850 ÷ 2862 = 99.58%').map(flagCode)).toEqual(['rate_mismatch']);
    expect(parseFlags('a: x; b').map(flagCode)).toEqual(['a', 'b']);
    expect(parseFlags('["empty_span"]')).toEqual(['empty_span']);
  });
});

describe('a failing query', () => {
  it('keeps the SQL and the parameters', async () => {
    const error = await db.query('SELECT nope FROM observations WHERE obs_id = ?', ['x']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryError);
    expect((error as QueryError).sql).toContain('SELECT nope');
    expect((error as QueryError).params).toEqual(['x']);
    expect((error as QueryError).message).toContain('-- SQL:');
  });

  it('binds parameters instead of interpolating them', async () => {
    const rows = await trendPoints(db, "mediation.success_rate' OR 1=1 --", ['990001']);
    expect(rows).toEqual([]);
  });
});

describe('listIndicators', () => {
  it('lists the catalog in order with its coverage', async () => {
    const rows = await listIndicators(db);
    expect(rows.map((r) => r.indicator_id)).toEqual(['admin_review.received', 'mediation.cases', 'mediation.success_rate', 'hotline.tickets']);
    const rate = rows.find((r) => r.indicator_id === 'mediation.success_rate')!;
    expect(rate).toMatchObject({
      name_zh: '人民调解成功率', category_zh: '矛盾纠纷调解', higher_is_better: true,
      n_regions: 2, n_years: 5, n_region_years: 5, n_values: 6, n_qualitative: 1,
    });
    expect(rows[0]).toMatchObject({ n_regions: 0, n_values: 0, higher_is_better: null });
  });
});

describe('regionsWithIndicator', () => {
  it('lists only places with a number, the best covered first', async () => {
    const rows = await regionsWithIndicator(db, 'mediation.success_rate');
    expect(rows).toEqual([
      { region_code: '990001', region_name: '测试县', name_pinyin: 'Ceshi', prefecture_name: '测试市', province_name: '测试省', prefecture_pinyin: '', province_pinyin: '', n_years: 4, first_year: 2020, last_year: 2024,
        n_whole_years: 3, first_whole_year: 2020, last_whole_year: 2024, n_part_years: 1 }, // 2023 is part-year only
      { region_code: '990002', region_name: '样例县', name_pinyin: 'Yangli', prefecture_name: '测试市', province_name: '测试省', prefecture_pinyin: '', province_pinyin: '', n_years: 1, first_year: 2022, last_year: 2022,
        n_whole_years: 1, first_whole_year: 2022, last_whole_year: 2022, n_part_years: 0 },
    ]);
    expect(await countRegions(db)).toBe(3);
  });
});

describe('trendPoints', () => {
  it('picks one figure per place and year: printed over derived, and never a qualitative row', async () => {
    const rows = await trendPoints(db, 'mediation.success_rate', ['990001', '990002']);
    expect(rows.map((r) => [r.region_code, r.year, r.value, r.period, r.approx, r.value_kind, r.n_candidates])).toEqual([
      ['990001', 2020, 90.5, 'year', 'exact', 'reported', 1],
      ['990001', 2021, 95, 'year', 'at_least', 'reported', 2],
      ['990001', 2023, 97.2, '2023-01/2023-08', 'exact', 'reported', 1],
      ['990001', 2024, 96, 'year', 'exact', 'derived', 1],
      ['990002', 2022, 88, 'year', 'about', 'reported', 1],
    ]);
    expect(rows[3]!.flags).toEqual([
      'rate_mismatch: printed 96% but 96 ÷ 100 = 96.0%',
      'year_to_date: the text counts "so far this year" without a cut-off date',
    ]);
    expect(rows[0]!.flags).toEqual([]);
  });

  it('prefers the figure covering most of the year, and marks a conflict within a period', async () => {
    const rows = await trendPoints(db, 'hotline.tickets', ['990003']);
    expect(rows.map((r) => [r.year, r.period, r.value, r.n_candidates, r.conflict])).toEqual([
      [2021, 'year', 5000, 1, false],
      [2022, '2022-01/2022-06', 2000, 3, true],
    ]);
  });

  it('returns only the chosen places', async () => {
    expect((await trendPoints(db, 'mediation.success_rate', ['990002'])).map((r) => r.year)).toEqual([2022]);
    expect(await trendPoints(db, 'mediation.success_rate', [])).toEqual([]);
  });
});

describe('provenance', () => {
  it('joins the report and parses the derivation inputs', async () => {
    const detail = await observationDetail(db, 'fake-ceshi-2021#2');
    expect(detail).toMatchObject({
      value: 93, value_kind: 'derived', derivation: '93 ÷ 100 × 100', report_title: '测试县2021年法治政府建设年度报告(虚构)',
      publisher: '测试县人民政府', url: '', flags: [],
    });
    expect(detail!.inputs.map((i) => i.role)).toEqual(['numerator', 'denominator']);
    expect(await observationDetail(db, 'no-such-id')).toBeNull();
  });

  it('lists the competing rows with the chosen one first', async () => {
    const rows = await observationSiblings(db, 'fake-ceshi-2021#2');
    expect(rows.map((r) => r.obs_id)).toEqual(['fake-ceshi-2021#1', 'fake-ceshi-2021#2']);
    const withQualitative = await observationSiblings(db, 'fake-yangli-2022#1');
    expect(withQualitative.map((r) => r.value)).toEqual([88, null]);
  });
});

describe('trendPoints joins the region table', () => {
  it('gives the pinyin for English labels', async () => {
    const [row] = await trendPoints(db, 'mediation.success_rate', ['990002']);
    expect(row?.name_pinyin).toBe('Yangli');
  });
});
