import { describe, expect, it } from 'vitest';
import { PROFILE_CSV_COLUMNS, profileCsvRows, type ProfileCsvIndicator } from '../../src/charts/export-profile.ts';
import { toCsv } from '../../src/core/csv/to-csv.ts';
import { summarise, type PeerStanding, type ProfileFigure } from '../../src/db/queries/profile.ts';

// Invented figures of one invented place.
const indicator = (id: string, unit: string): ProfileCsvIndicator => ({
  indicator_id: id, name_zh: `指标${id}`, name_en: `Indicator ${id}`, unit, category_zh: '类A', category_en: 'Cat A',
});
const INDICATORS = [indicator('rate', '%'), indicator('count', '件'), indicator('none', '件'), indicator('few', '件')];
const figure = (indicatorId: string, year: number, value: number, extra: Partial<ProfileFigure> = {}): ProfileFigure => ({
  indicator_id: indicatorId, obs_id: `${indicatorId}-${year}`, year, period: 'year', value, unit: indicatorId === 'rate' ? '%' : '件',
  approx: 'exact', value_kind: 'reported', flags: [], n_candidates: 1, ...extra,
});
const FIGURES = [
  figure('rate', 2022, 90), figure('rate', 2023, 95, { flags: ['rate_mismatch: x'], n_candidates: 2 }),
  figure('count', 2022, 100, { origin: 'user' }), figure('count', 2023, 40, { period: 'H1', approx: 'about' }),
  figure('few', 2023, -3),
];
const STANDINGS: PeerStanding[] = [
  { indicator_id: 'rate', year: 2023, value: 95, n: 5, n_below: 4, n_above: 0, median: 91, other_years: [{ region_name: '样例县', name_pinyin: 'Yangli', year: 2022 }] },
  { indicator_id: 'few', year: 2023, value: -3, n: 2, n_below: 0, n_above: 1, median: -1, other_years: [] },
];
const sources = new Map([['rate-2023', { quote: '=【虚构】成功率95%。', report_id: 'rep-1', report_title: '测试县报告', publisher: '测试县人民政府', source_kind: 'annual-report', published: '2024-02-01', url: 'https://example.org' }]]);

describe('profile CSV export', () => {
  const rows = profileCsvRows(summarise(INDICATORS.map((i) => i.indicator_id), FIGURES, STANDINGS), INDICATORS, {
    place: { region_code: '990001', region_name: '测试县' }, peerGroup: 'all', lang: 'zh', sources,
    absence: { kind: 'not-reported', years: [2023] }, tolerance: 1, directions: new Map([['rate', 'higher' as const], ['few', 'lower' as const]]),
  });

  it('has one row per catalog indicator, in order, unreported ones included', () => {
    expect(rows.map((r) => [r.indicator_id, r.reported])).toEqual([['rate', true], ['count', true], ['none', false], ['few', true]]);
    expect(rows[2]).toMatchObject({ indicator: '指标none', unit: '件', latest_value: null, year: null, percentile: null, quote: '', obs_id: '', origin: null, previous_origin: null });
  });

  it("marks whose figure each is: the researcher's own rows as 'user', for the latest and the previous year", () => {
    expect(rows.map((r) => [r.indicator_id, r.origin, r.previous_origin])).toEqual([
      ['rate', 'shipped', 'shipped'], ['count', 'shipped', 'user'], ['none', null, null], ['few', 'shipped', null],
    ]);
    const latestUser = profileCsvRows(summarise(['count'], [figure('count', 2024, 7, { origin: 'user' })], []), INDICATORS, {
      place: { region_code: '990001', region_name: '测试县' }, peerGroup: 'all', lang: 'zh', sources: new Map(),
      absence: { kind: 'no-text' }, tolerance: 0, directions: new Map(),
    });
    expect(latestUser[0]).toMatchObject({ latest_value: 7, origin: 'user', previous_origin: null });
  });

  it('gives the latest value, the change, the percentile, the flags and the source', () => {
    expect(rows[0]).toMatchObject({
      region_code: '990001', category: '类A', latest_value: 95, unit: '%', year: 2023, period: 'year', n_candidates: 2,
      previous_year: 2022, previous_value: 90, change: 5, percentile: 100, rank: 1, peers_n: 5, peers_median: 91, standing_year: 2023,
      year_tolerance: 1, peers_other_years: '样例县 2022',
      flags: 'rate_mismatch: x', report_id: 'rep-1', report_title: '测试县报告', publisher: '测试县人民政府', source_kind: 'annual-report', published: '2024-02-01', url: 'https://example.org', obs_id: 'rate-2023',
    });
    expect(rows[0]!.change_percent).toBeCloseTo(50 / 9);
  });

  it('leaves the change and percentile empty where the table gives none (part-year, too few peers)', () => {
    expect(rows[1]).toMatchObject({ period: 'H1', approx: 'about', previous_value: 100, change: null, percentile: null, peers_n: null });
    expect(rows[3]).toMatchObject({ latest_value: -3, percentile: null, peers_median: null, rank: 1, peers_n: 2, previous_year: null });
  });

  it('says "not reported" only where a full report lacks the figure; for excerpts it leaves `reported` empty and says why', () => {
    expect(rows[2]).toMatchObject({ reported: false, absence: 'not-reported' });
    const excerpt = profileCsvRows(summarise(['none'], [], []), INDICATORS, {
      place: { region_code: '990001', region_name: '测试县' }, peerGroup: 'all', lang: 'zh', sources: new Map(),
      absence: { kind: 'not-in-excerpt', years: [2024] }, tolerance: 1, directions: new Map(),
    });
    expect(excerpt[0]).toMatchObject({ reported: null, absence: 'not-in-excerpt' });
  });

  it('writes CSV with numbers as numbers and formula-like text neutralised', () => {
    const csv = toCsv(PROFILE_CSV_COLUMNS, rows);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(`\uFEFF${PROFILE_CSV_COLUMNS.join(',')}`);
    expect(lines).toHaveLength(INDICATORS.length + 2);
    expect(csv).toContain("'=【虚构】成功率95%。");
    expect(lines[4]).toContain(',-3,');
  });

  it('names indicators and categories in English for the English page', () => {
    const en = profileCsvRows(summarise(['rate'], FIGURES, []), INDICATORS, {
      place: { region_code: '990001', region_name: '测试县' }, peerGroup: 'custom', lang: 'en', sources: new Map(),
      absence: { kind: 'no-text' }, tolerance: 0, directions: new Map(),
    });
    expect(en[0]).toMatchObject({ indicator: 'Indicator rate', category: 'Cat A', peer_group: 'custom', percentile: null, quote: '' });
  });
});
