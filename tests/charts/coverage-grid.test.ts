import { describe, expect, it } from 'vitest';
import { buildCoverageGrid, cellOf, levelOf, MARK, type CoverageText, type GridIndicator, type GridSettings } from '../../src/charts/coverage-grid.ts';
import type { CoverageCell, CoveragePlace } from '../../src/db/queries/coverage.ts';
import { COVERAGE_MESSAGES as MESSAGES } from '../../src/features/i18n/views/coverage.ts';

// Invented places and indicators; two categories interleaved in the catalog, as the shipped one is.
const place = (code: string, name: string, province: string, provinceName: string, prefecture = ''): CoveragePlace => ({
  region_code: code, region_name: name, name_pinyin: `Py${code}`, prefecture_code: prefecture ? `${code.slice(0, 4)}00` : '',
  prefecture_name: prefecture, province_code: province, province_name: provinceName,
});
const PLACES: CoveragePlace[] = [
  place('990101', '甲县', '990000', '测试省', '测试市'),
  place('990102', '乙县', '990000', '测试省', '测试市'),
  place('980101', '丙区', '980000', '样例市'),
  place('970101', '丁县', '', ''),
];
const indicator = (id: string, category: string): GridIndicator => ({
  indicator_id: id, name_zh: `指标${id}`, name_en: `Indicator ${id}`, unit: '件', category_zh: `类${category}`, category_en: `Cat ${category}`,
});
const INDICATORS = [indicator('a1', 'A'), indicator('b1', 'B'), indicator('a2', 'A'), indicator('c1', 'C')];
const cell = (region: string, id: string, whole: number[], part: number[] = [], qual: number[] = []): CoverageCell => ({
  region_code: region, indicator_id: id, whole_years: whole, part_years: part, qual_years: qual, n_obs: whole.length + part.length + qual.length,
});
const CELLS = [
  cell('990101', 'a1', [2020, 2021, 2022], [2023]),
  cell('990101', 'b1', [], [2022]),
  cell('990102', 'a1', [2022]),
  cell('990102', 'a2', [], [], [2021]),
  cell('980101', 'a1', [2019, 2020, 2021, 2022, 2023, 2024]),
];
const text: CoverageText = MESSAGES.zh.coverageGrid;
const settings = (patch: Partial<GridSettings> = {}): GridSettings => ({ lang: 'zh', year: null, hideEmpty: false, text, ...patch });

describe('buildCoverageGrid', () => {
  it('groups columns by category, in order of first appearance, catalog order inside', () => {
    const grid = buildCoverageGrid(PLACES, INDICATORS, CELLS, settings());
    expect(grid.categories).toEqual([{ label: '类A', span: 2 }, { label: '类B', span: 1 }, { label: '类C', span: 1 }]);
    expect(grid.columns.map((c) => [c.indicatorId, c.categoryStart, c.nWhole])).toEqual([
      ['a1', true, 3], ['a2', false, 0], ['b1', true, 0], ['c1', true, 0],
    ]);
  });

  it('groups rows by province, a place without one in its own group', () => {
    const grid = buildCoverageGrid(PLACES, INDICATORS, CELLS, settings());
    expect(grid.groups.map((g) => [g.key, g.name, g.rows.map((r) => r.code), g.nPlacesWithData])).toEqual([
      ['990000', '测试省', ['990101', '990102'], 2],
      ['980000', '样例市', ['980101'], 1],
      ['', '未知省份', ['970101'], 0],
    ]);
    expect(grid.nPlaces).toBe(4);
    expect(grid.nPlacesWithData).toBe(3);
    expect(grid.groups[0]!.rows[0]).toMatchObject({ name: '甲县', altName: '', prefecture: '测试市', nFilled: 2 });
  });

  it('gives each cell a state, a label, a shade and a description', () => {
    const grid = buildCoverageGrid(PLACES, INDICATORS, CELLS, settings());
    const [a1, a2, b1, c1] = grid.groups[0]!.rows[0]!.cells;
    expect(a1).toMatchObject({ indicatorId: 'a1', state: 'whole', label: '3', level: 3, extraPart: true, detail: '3 年有全年数字(2020、2021、2022);1 年只有部分年度数字(2023)' });
    expect(a2).toMatchObject({ state: 'empty', label: '', level: 0, detail: '现有文本中没有' });
    expect(b1).toMatchObject({ state: 'part', label: MARK.part, extraPart: false });
    expect(c1!.state).toBe('empty');
    expect(grid.groups[0]!.rows[1]!.cells[1]).toMatchObject({ state: 'qual', label: MARK.qual, detail: '1 年只有定性表述(2021)' });
    expect(grid.groups[1]!.rows[0]!.cells[0]).toMatchObject({ label: '6', level: 5 });
  });

  it('shows ● instead of a count when one year is chosen', () => {
    const grid = buildCoverageGrid(PLACES, INDICATORS, [cell('990101', 'a1', [2022])], settings({ year: 2022 }));
    expect(grid.groups[0]!.rows[0]!.cells[0]).toMatchObject({ state: 'whole', label: MARK.whole, level: 4 });
  });

  it('summarises each province: places with a whole-year figure, else part-year, else qualitative', () => {
    const grid = buildCoverageGrid(PLACES, INDICATORS, CELLS, settings());
    expect(grid.groups[0]!.summary.map((c) => [c.indicatorId, c.state, c.label, c.detail])).toEqual([
      ['a1', 'whole', '2', '2 个地区有全年数字'],
      ['a2', 'qual', MARK.qual, '1 个地区只有定性表述'],
      ['b1', 'part', MARK.part, '1 个地区只有部分年度数字'],
      ['c1', 'empty', '', '现有文本中没有'],
    ]);
    // Shaded by the share of the province's places: 2 of 2 is the darkest.
    expect(grid.groups[0]!.summary[0]!.level).toBe(5);
    const half = buildCoverageGrid(PLACES, INDICATORS, [cell('990101', 'a1', [2020])], settings());
    expect(half.groups[0]!.summary[0]!.level).toBe(3);
  });

  it('can leave out places and indicators without any row', () => {
    const grid = buildCoverageGrid(PLACES, INDICATORS, CELLS, settings({ hideEmpty: true }));
    expect(grid.columns.map((c) => c.indicatorId)).toEqual(['a1', 'a2', 'b1']);
    expect(grid.groups.flatMap((g) => g.rows.map((r) => r.code))).toEqual(['990101', '990102', '980101']);
    expect(buildCoverageGrid(PLACES, INDICATORS, [], settings({ hideEmpty: true }))).toMatchObject({ columns: [], groups: [], nPlaces: 0 });
  });

  it('speaks English: pinyin names with the Chinese beside them, English categories and descriptions', () => {
    const grid = buildCoverageGrid(PLACES, INDICATORS, CELLS, { ...settings({ lang: 'en' }), text: MESSAGES.en.coverageGrid });
    expect(grid.categories[0]!.label).toBe('Cat A');
    expect(grid.columns[0]!.name).toBe('Indicator a1');
    expect(grid.groups[0]!.rows[0]).toMatchObject({ name: 'Py990101', altName: '甲县' });
    expect(grid.groups[0]!.rows[0]!.cells[0]!.detail).toBe('whole-year figures in 3 years (2020, 2021, 2022); part-year figures only in 1 year (2023)');
    expect(grid.groups.at(-1)!.name).toBe('Province unknown');
  });

  it('keeps data text as text (no markup is built)', () => {
    const evil = place('990103', '<img src=x onerror=alert(1)>', '990000', '测试省');
    const grid = buildCoverageGrid([evil], INDICATORS, [], settings());
    expect(grid.groups[0]!.rows[0]!.name).toBe('<img src=x onerror=alert(1)>'); // React renders it as text
  });
});

describe('levelOf and cellOf', () => {
  it('shades 1, 2, 3, 4–5, 6+', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 12].map(levelOf)).toEqual([0, 1, 2, 3, 4, 4, 5, 5]);
  });
  it('treats a cell with no years at all as empty', () => {
    expect(cellOf(cell('1', 'x', []), 'x', { year: null, text }).state).toBe('empty');
    expect(cellOf(undefined, 'x', { year: null, text }).state).toBe('empty');
  });
});
