import { describe, expect, it } from 'vitest';
import { COMPARE_CSV_COLUMNS, compareCsvRows, compareFlaggedRows } from '../../src/charts/export-compare.ts';
import { toCsv } from '../../src/core/csv/to-csv.ts';
import type { RankedFigure } from '../../src/db/queries/compare.ts';

const ranked: RankedFigure[] = [
  { obs_id: 'a', region_code: '990001', region_name: '测试县', name_pinyin: 'Ceshi', year: 2022, period: 'year', value: 98.5, unit: '%', approx: 'about', value_kind: 'reported', flags: [], quote: '【虚构】满意率约98.5%。', n_candidates: 1, report_id: 'fake-1', rank: 1, tied: false },
  { obs_id: 'b', region_code: '990002', region_name: '=样例县', name_pinyin: 'Yangli', year: 2022, period: 'year', value: 90, unit: '%', approx: 'exact', value_kind: 'derived', flags: ['rate_mismatch: x'], quote: '【虚构】', n_candidates: 2, report_id: 'fake-2', rank: 2, tied: false },
];

describe('compare export', () => {
  it('lists approximate and derived bars for the notes, in the reader\'s language', () => {
    const rows = compareFlaggedRows(ranked, 'en');
    expect(rows.map((r) => r.label)).toEqual(['Ceshi 测试县', 'Yangli =样例县']);
    expect(rows.map((r) => [r.approx, r.value_kind])).toEqual([['about', 'reported'], ['exact', 'derived']]);
  });

  it('writes the bars in rank order with report columns, formula cells neutralised', () => {
    const reports = [{ report_id: 'fake-1', region_name: '测试县', year: 2022, title: '测试县报告', publisher: '测试县人民政府', publisher_kind: 'county-gov', url: '', published: '' }];
    const rows = compareCsvRows(ranked, reports, { id: 'hotline.satisfaction_rate', name: '满意率', unit: '%' });
    expect(rows.map((r) => [r.rank, r.region_code, r.report_title])).toEqual([[1, '990001', '测试县报告'], [2, '990002', '']]);
    const csv = toCsv(COMPARE_CSV_COLUMNS, rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain("'=样例县");
  });
});
