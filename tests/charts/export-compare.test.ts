import { describe, expect, it } from 'vitest';
import {
  COMPARE_CSV_COLUMNS, DUMBBELL_CSV_COLUMNS, compareCsvRows, compareFlaggedRows, dumbbellCsvRows, dumbbellFlaggedRows,
} from '../../src/charts/export-compare.ts';
import { toCsv } from '../../src/core/csv/to-csv.ts';
import type { CompareFigure, RankedFigure, YearPair } from '../../src/db/queries/compare.ts';

const ranked: RankedFigure[] = [
  { obs_id: 'a', region_code: '990001', region_name: '测试县', name_pinyin: 'Ceshi', year: 2022, period: 'year', value: 98.5, unit: '%', approx: 'about', value_kind: 'reported', flags: [], n_candidates: 1, report_id: 'fake-1', rank: 1, tied: false },
  { obs_id: 'b', region_code: '990002', region_name: '=样例县', name_pinyin: 'Yangli', year: 2022, period: 'year', value: 90, unit: '%', approx: 'exact', value_kind: 'derived', flags: ['rate_mismatch: x'], n_candidates: 2, report_id: 'fake-2', rank: 2, tied: false },
];
/** The figures come without quotes (compare-quotes.ts): the export is given them by obs_id. */
const quotes = new Map([['a', '【虚构】满意率约98.5%。'], ['b', '【虚构】']]);

describe('compare export', () => {
  it('lists approximate and derived bars for the notes, in the reader\'s language', () => {
    const rows = compareFlaggedRows(ranked, 'en');
    expect(rows.map((r) => r.label)).toEqual(['Ceshi 测试县', 'Yangli =样例县']);
    expect(rows.map((r) => [r.approx, r.value_kind])).toEqual([['about', 'reported'], ['exact', 'derived']]);
  });

  it('writes the bars in rank order with report columns, formula cells neutralised', () => {
    const reports = [{ report_id: 'fake-1', region_name: '测试县', year: 2022, title: '测试县报告', publisher: '测试县人民政府', publisher_kind: 'county-gov', url: '', published: '', source_kind: 'annual-report' }];
    const rows = compareCsvRows(ranked, quotes, reports, { id: 'hotline.satisfaction_rate', name: '满意率', unit: '%' });
    expect(rows.map((r) => [r.rank, r.region_code, r.report_title, r.quote])).toEqual([[1, '990001', '测试县报告', '【虚构】满意率约98.5%。'], [2, '990002', '', '【虚构】']]);
    const csv = toCsv(COMPARE_CSV_COLUMNS, rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain("'=样例县");
  });

  it('refuses to write a figure whose quote was not fetched, naming it (never an empty quote cell)', () => {
    expect(() => compareCsvRows(ranked, new Map([['a', 'x']]), [], { id: 'x', name: 'x', unit: '%' })).toThrow(/figure b/);
  });
});

const figure = (code: string, name: string, year: number, value: number, extra: Partial<CompareFigure> = {}): CompareFigure => ({
  obs_id: `${code}-${year}`, region_code: code, region_name: name, name_pinyin: `Py${code}`, year, period: 'year', value, unit: '%',
  approx: 'exact', value_kind: 'reported', flags: [], n_candidates: 1, report_id: `r-${code}-${year}`, ...extra,
});
const pairs: YearPair[] = [
  { region_code: '990001', from: figure('990001', '测试县', 2021, 80), to: figure('990001', '测试县', 2023, 85, { approx: 'about' }) },
  { region_code: '990002', from: figure('990002', '样例县', 2021, 95, { flags: ['rate_mismatch: x'] }), to: figure('990002', '样例县', 2023, 90, { origin: 'user' }) },
];
const pairQuotes = new Map(pairs.flatMap((p) => [p.from, p.to]).map((f) => [f.obs_id, `【虚构】${f.region_name}${f.year}年${f.value}%。`]));

describe('compare dumbbell export', () => {
  it('lists both dots of each pair for the notes, named by place and year', () => {
    const rows = dumbbellFlaggedRows(pairs, 'zh');
    expect(rows.map((r) => r.label)).toEqual(['测试县 2021', '测试县 2023', '样例县 2021', '样例县 2023']);
    expect(rows[1]!.approx).toBe('about');
    expect(rows[2]!.flags).toEqual(['rate_mismatch: x']);
    expect(dumbbellFlaggedRows(pairs, 'en')[0]!.label).toBe('Py990001 测试县 2021');
    expect(rows.map((r) => r.user)).toEqual([false, false, false, true]); // the user's own figure, named in the notes
  });

  it('writes one row per place in the chart order with both years, their quotes and reports, and the change', () => {
    const reports = [{ report_id: 'r-990002-2023', region_name: '样例县', year: 2023, title: '样例县2023年报告', publisher: '样例县人民政府', publisher_kind: 'county-gov', url: 'https://example.org/r', published: '', source_kind: 'annual-report' }];
    const indicator = { id: 'mediation.success_rate', name: '调解成功率', unit: '%' };
    const higher = dumbbellCsvRows(pairs, 'higher', pairQuotes, reports, indicator);
    expect(higher.map((r) => r.region_code)).toEqual(['990002', '990001']);
    expect(higher[0]).toMatchObject({
      from_year: 2021, from_value: 95, from_flags: 'rate_mismatch: x', to_year: 2023, to_value: 90,
      to_report_title: '样例县2023年报告', to_publisher: '样例县人民政府', to_url: 'https://example.org/r', from_report_title: '',
      change: -5, unit: '%', indicator: '调解成功率',
    });
    expect(higher[0]!.change_percent).toBe(-5.3); // −5.26…% computed, kept to one decimal as reports print a change
    expect(higher[1]).toMatchObject({ to_approx: 'about', to_quote: '【虚构】测试县2023年85%。', from_quote: '【虚构】测试县2021年80%。', from_obs_id: '990001-2021', change: 5 });
    expect(higher.map((r) => [r.region_code, r.from_origin, r.to_origin])).toEqual([['990002', 'shipped', 'user'], ['990001', 'shipped', 'shipped']]);
    expect(dumbbellCsvRows(pairs, 'lower', pairQuotes, reports, indicator).map((r) => r.region_code)).toEqual(['990001', '990002']);
    const csv = toCsv(DUMBBELL_CSV_COLUMNS, higher);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${DUMBBELL_CSV_COLUMNS.join(',')}`);
    expect(csv.split('\r\n')).toHaveLength(4);
  });
});
