import { describe, expect, it } from 'vitest';
import { buildCoverageGrid, type GridIndicator } from '../../src/charts/coverage-grid.ts';
import { COVERAGE_CSV_COLUMNS, coverageCsvRows } from '../../src/charts/export-coverage.ts';
import { toCsv } from '../../src/core/csv/to-csv.ts';
import type { CoverageCell, CoveragePlace } from '../../src/db/queries/coverage.ts';
import { COVERAGE_MESSAGES as MESSAGES } from '../../src/features/i18n/views/coverage.ts';

// Invented places and indicators.
const place = (code: string, name: string, province: string, provinceName: string): CoveragePlace => ({
  region_code: code, region_name: name, name_pinyin: `Py${code}`, prefecture_code: '', prefecture_name: '', province_code: province, province_name: provinceName,
});
const PLACES = [place('990101', '甲县', '990000', '测试省'), place('990102', '乙县', '990000', '测试省'), place('980101', '丙区', '980000', '样例市')];
const indicator = (id: string): GridIndicator => ({ indicator_id: id, name_zh: `指标${id}`, name_en: `Indicator ${id}`, unit: '件', category_zh: '类A', category_en: 'Cat A' });
const INDICATORS = [indicator('a1'), indicator('a2')];
const cell = (region: string, id: string, whole: number[], part: number[] = [], qual: number[] = []): CoverageCell => ({
  region_code: region, indicator_id: id, whole_years: whole, part_years: part, qual_years: qual, n_obs: whole.length + part.length + qual.length,
});
const CELLS = [cell('990101', 'a1', [2020, 2021], [2023]), cell('990101', 'a2', [], [2022]), cell('980101', 'a2', [], [], [2021])];

const grid = (hideEmpty: boolean, year: number | null = null) =>
  buildCoverageGrid(PLACES, INDICATORS, CELLS, { lang: 'zh', year, hideEmpty, text: MESSAGES.zh.coverageGrid });

describe('coverage CSV export', () => {
  it('has one row per place × indicator of the grid, empty cells as not reported', () => {
    const rows = coverageCsvRows(grid(false), PLACES, CELLS, null);
    expect(rows).toHaveLength(PLACES.length * INDICATORS.length);
    const status = Object.fromEntries(rows.map((r) => [`${r.region_code}|${r.indicator_id}`, r.status]));
    expect(status).toEqual({
      '990101|a1': 'whole_year', '990101|a2': 'part_year_only', '990102|a1': 'not_reported', '990102|a2': 'not_reported',
      '980101|a1': 'not_reported', '980101|a2': 'qualitative_only',
    });
    expect(rows.find((r) => r.region_code === '990101' && r.indicator_id === 'a1')).toMatchObject({
      province_name: '测试省', region_name: '甲县', name_pinyin: 'Py990101', indicator: '指标a1', category: '类A', unit: '件',
      whole_years: '2020; 2021', n_whole_years: 2, part_year_only_years: '2023', n_part_year_only_years: 1, qualitative_only_years: '', n_obs: 3, year_filter: null,
    });
  });

  it('follows the grid: hidden empty places are left out, the year filter is recorded', () => {
    const rows = coverageCsvRows(grid(true, 2021), PLACES, CELLS, 2021);
    expect([...new Set(rows.map((r) => r.region_code))].sort()).toEqual(['980101', '990101']);
    expect(rows.every((r) => r.year_filter === 2021)).toBe(true);
    const csv = toCsv(COVERAGE_CSV_COLUMNS, rows);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${COVERAGE_CSV_COLUMNS.join(',')}`);
    expect(csv.split('\r\n')).toHaveLength(rows.length + 2);
  });
});
