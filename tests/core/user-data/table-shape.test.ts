import { describe, expect, it } from 'vitest';
import { suggestIndicator } from '../../../src/core/user-data/match-indicator.ts';
import { mappingProblems, suggestMapping } from '../../../src/core/user-data/table-shape.ts';

describe('suggesting indicators from headers', () => {
  it.each([
    ['调解成功率(%)', 'mediation.success_rate'],
    ['调解成功率（%）', 'mediation.success_rate'],
    ['Mediation success rate', 'mediation.success_rate'],
    ['mediation.success_rate', 'mediation.success_rate'],
    ['12345热线满意率(%)', 'hotline.satisfaction_rate'],
    ['行政复议收案数', 'admin_review.received'],
    ['行政复议收案数(件)', 'admin_review.received'],
    ['行政复议纠错率 (%)', 'admin_review.correction_rate'],
    ['Court mediation success rate', 'court_mediation.success_rate'],
  ])('%s → %s', (header, id) => {
    expect(suggestIndicator(header)?.indicatorId).toBe(id);
  });

  it('suggests nothing for headers that are no indicator', () => {
    for (const header of ['地区', '年份', '备注', 'Population', '', '<script>alert(1)</script>']) expect(suggestIndicator(header)).toBeNull();
  });
});

describe('detecting the shape of a table', () => {
  it('reads a wide table: region and year columns, one indicator per other column', () => {
    const mapping = suggestMapping(['地区', '年份', '调解成功率(%)', '12345热线满意率(%)', '行政复议收案数', '备注']);
    expect(mapping).toMatchObject({ format: 'wide', region: 0, year: 1, province: null });
    expect(mapping.indicatorColumns).toEqual({ 2: 'mediation.success_rate', 3: 'hotline.satisfaction_rate', 4: 'admin_review.received', 5: null });
    expect(mappingProblems(mapping)).toEqual([]);
  });

  it('reads a long table with the contract columns, preferring the code over the name', () => {
    const mapping = suggestMapping(['region_code', 'region_name', 'year', 'indicator_id', 'value', 'unit']);
    expect(mapping).toMatchObject({ format: 'long', region: 0, year: 1 + 1, indicator: 3, value: 4 });
  });

  it('finds province and prefecture columns and a year column by its content', () => {
    const mapping = suggestMapping(['省份', '市', '区县', '统计期', 'Mediation success rate'], [['山西', '大同', '广灵', '2021'], ['山西', '大同', '灵丘', '2022年']]);
    expect(mapping).toMatchObject({ format: 'wide', province: 0, prefecture: 1, region: 2, year: 3 });
    expect(mapping.indicatorColumns).toEqual({ 4: 'mediation.success_rate' });
  });

  it('says what is missing', () => {
    expect(mappingProblems(suggestMapping(['foo', 'bar']))).toEqual(['region', 'year', 'indicator-columns']);
  });
});
