import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageCells, coverageCellsByYear, coveragePlaces, coverageSummary, dataYears, MIN_COMPARE_PLACES, MIN_TREND_YEARS, type CoverageCell } from '../../src/db/queries/coverage.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';

const OBS = `(region_code, region_name, year, period, indicator_id, value, unit, approx, value_kind, report_id, quote, span_start, span_end, rule_id, publisher_kind, obs_id, quote_start)`;

describe('coverage on the fake fixture', () => {
  let db: NodeDb;
  beforeAll(async () => { db = await openNodeDb(); });
  afterAll(() => db.close());

  it('gives each non-empty place × indicator cell its whole-year, part-year-only and qualitative-only years', async () => {
    expect(await coverageCells(db, null)).toEqual([
      { region_code: '990001', indicator_id: 'mediation.cases', whole_years: [2020], part_years: [], qual_years: [], n_obs: 1 },
      // 2023 has only the 1至8月 figure.
      { region_code: '990001', indicator_id: 'mediation.success_rate', whole_years: [2020, 2021, 2024], part_years: [2023], qual_years: [], n_obs: 5 },
      // The qualitative row of 2022 does not make the year "qualitative only": the year has a number.
      { region_code: '990002', indicator_id: 'mediation.success_rate', whole_years: [2022], part_years: [], qual_years: [], n_obs: 2 },
      // 2022: a monthly and two half-year figures, no whole year.
      { region_code: '990003', indicator_id: 'hotline.tickets', whole_years: [2021], part_years: [2022], qual_years: [], n_obs: 4 },
    ]);
  });

  it('narrows to one year', async () => {
    expect((await coverageCells(db, 2022)).map((c) => [c.region_code, c.indicator_id, c.whole_years, c.part_years])).toEqual([
      ['990002', 'mediation.success_rate', [2022], []],
      ['990003', 'hotline.tickets', [], [2022]],
    ]);
    expect(await coverageCells(db, 1999)).toEqual([]);
  });

  it('lists every place of the region table in province, prefecture, code order', async () => {
    expect((await coveragePlaces(db)).map((p) => [p.region_code, p.region_name, p.prefecture_name, p.province_name])).toEqual([
      ['990001', '测试县', '测试市', '测试省'],
      ['990002', '样例县', '测试市', '测试省'],
      ['990003', '演示区', '测试市', '测试省'],
    ]);
  });

  it('counts trend pairs (≥ 2 whole years) and comparable indicators (≥ 3 places in one year) on whole-year figures only', async () => {
    expect(MIN_TREND_YEARS).toBe(2);
    expect(MIN_COMPARE_PLACES).toBe(3);
    // Pairs with a whole-year figure: 990001×cases, 990001×rate, 990002×rate, 990003×hotline; only 990001×rate has ≥ 2 years.
    expect(await coverageSummary(db, null)).toEqual({ pairs_with_whole: 4, trend_pairs: 1, comparable: [] });
  });

  it('lists the years with their rows and places', async () => {
    expect(await dataYears(db)).toEqual([
      { year: 2020, n_obs: 2, n_places: 1 },
      { year: 2021, n_obs: 3, n_places: 2 },
      { year: 2022, n_obs: 5, n_places: 2 },
      { year: 2023, n_obs: 1, n_places: 1 },
      { year: 2024, n_obs: 1, n_places: 1 },
    ]);
  });
});

describe('coverage with extra fake rows', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openNodeDb();
    // All invented: a qualitative-only year, a third place with the rate in 2022 (→ comparable), a place missing from the region table.
    await db.exec(`INSERT INTO shipped_observations ${OBS} VALUES
      ('990003', '演示区', 2023, 'year', 'mediation.cases', NULL, '件', 'exact', 'reported', 'fake-x', '【虚构】调解工作成效明显。', 1, 2, 'r', 'district-gov', 'fake-x#1', 0),
      ('990003', '演示区', 2022, 'year', 'mediation.success_rate', 91, '%', 'exact', 'reported', 'fake-x', '【虚构】调解成功率91%。', 10, 13, 'r', 'district-gov', 'fake-x#2', 0),
      ('990001', '测试县', 2022, 'year', 'mediation.success_rate', 92, '%', 'exact', 'reported', 'fake-x', '【虚构】调解成功率92%。', 10, 13, 'r', 'county-gov', 'fake-x#3', 0),
      ('999999', '无名县', 2022, '2022-Q1', 'mediation.success_rate', 80, '%', 'exact', 'reported', 'fake-x', '【虚构】一季度80%。', 10, 13, 'r', 'county-gov', 'fake-x#4', 0)`);
  });
  afterAll(() => db.close());

  it('marks a year with only a qualitative statement', async () => {
    const cell = (await coverageCells(db, null)).find((c) => c.region_code === '990003' && c.indicator_id === 'mediation.cases');
    expect(cell).toMatchObject({ whole_years: [], part_years: [], qual_years: [2023] });
  });

  it('finds an indicator with whole-year figures for 3 places in one year, but not counting part-year ones', async () => {
    expect((await coverageSummary(db, null)).comparable).toEqual([{ indicator_id: 'mediation.success_rate', max_places: 3, best_year: 2022, n_years: 1 }]);
    expect((await coverageSummary(db, 2022)).comparable).toHaveLength(1);
    expect((await coverageSummary(db, 2021)).comparable).toEqual([]);
    // The trend count ignores the year filter.
    expect((await coverageSummary(db, 2021)).trend_pairs).toBe((await coverageSummary(db, null)).trend_pairs);
  });

  it('lists a place that is only in the observations, last, without a province', async () => {
    const places = await coveragePlaces(db);
    expect(places.at(-1)).toEqual({ region_code: '999999', region_name: '无名县', name_pinyin: '', prefecture_code: '', prefecture_name: '', province_code: '', province_name: '', prefecture_pinyin: '', province_pinyin: '' });
  });
});

describe('coverage of the shipped dataset (public/data)', () => {
  let db: NodeDb;
  let cells: CoverageCell[];
  beforeAll(async () => {
    db = await openNodeDb(join(import.meta.dirname, '..', '..', 'public', 'data'));
    cells = await coverageCells(db, null);
  });
  afterAll(() => db.close());

  it('has one cell per place × indicator that occurs, and years that agree with a direct count', async () => {
    const [pairs] = await db.query<{ n: number }>('SELECT count(DISTINCT (region_code, indicator_id))::INTEGER AS n FROM observations');
    expect(cells).toHaveLength(pairs!.n);
    const [whole] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (SELECT DISTINCT region_code, indicator_id, year FROM observations WHERE value IS NOT NULL AND period = 'year')`);
    expect(cells.reduce((n, c) => n + c.whole_years.length, 0)).toBe(whole!.n);
    for (const c of cells) {
      const all = [...c.whole_years, ...c.part_years, ...c.qual_years];
      expect(new Set(all).size).toBe(all.length); // a year is in one list only
      expect(c.n_obs).toBeGreaterThanOrEqual(all.length);
    }
  });

  it('summarises what the cells say', async () => {
    const summary = await coverageSummary(db, null);
    expect(summary.pairs_with_whole).toBe(cells.filter((c) => c.whole_years.length > 0).length);
    expect(summary.trend_pairs).toBe(cells.filter((c) => c.whole_years.length >= 2).length);
    const perYear = new Map<string, number>();
    for (const c of cells) for (const y of c.whole_years) perYear.set(`${c.indicator_id}|${y}`, (perYear.get(`${c.indicator_id}|${y}`) ?? 0) + 1);
    const comparable = new Set([...perYear].filter(([, n]) => n >= 3).map(([key]) => key.split('|')[0]));
    expect(new Set(summary.comparable.map((c) => c.indicator_id))).toEqual(comparable);
    for (const c of summary.comparable) expect(perYear.get(`${c.indicator_id}|${c.best_year}`)).toBe(c.max_places);
  });

  it('gives the same cells from the packed year masks as from the year-by-year query', async () => {
    expect(cells).toEqual(await coverageCellsByYear(db, null));
    const [{ year } = { year: 0 }] = await db.query<{ year: number }>('SELECT max(year)::INTEGER AS year FROM observations');
    expect(await coverageCells(db, year)).toEqual(await coverageCellsByYear(db, year));
  });

  it('falls back to the year-by-year query when the years span more than the masks hold', async () => {
    await db.exec(`CREATE TABLE wide AS SELECT * FROM shipped_observations`);
    try {
      await db.exec(`INSERT INTO shipped_observations SELECT * REPLACE (1900 AS year, obs_id || '-old' AS obs_id) FROM shipped_observations LIMIT 3`);
      const wide = await coverageCells(db, null);
      expect(wide).toEqual(await coverageCellsByYear(db, null));
      expect(wide.some((c) => [...c.whole_years, ...c.part_years, ...c.qual_years].includes(1900))).toBe(true);
    } finally {
      await db.exec(`CREATE OR REPLACE TABLE shipped_observations AS SELECT * FROM wide`);
      await db.exec('DROP TABLE wide');
    }
  });

  it('places every observed place in a province group', async () => {
    const places = await coveragePlaces(db);
    const codes = new Set(places.map((p) => p.region_code));
    for (const c of cells) expect(codes.has(c.region_code)).toBe(true);
    // Sorted by province code, then prefecture code, then code.
    const keys = places.map((p) => [p.province_code, p.prefecture_code, p.region_code]);
    const byTuple = (a: string[], b: string[]) => a[0]!.localeCompare(b[0]!) || a[1]!.localeCompare(b[1]!) || a[2]!.localeCompare(b[2]!);
    expect(keys).toEqual([...keys].sort(byTuple));
  });
});
