import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createRegionLookup, type DivisionRow } from '../../../src/core/regions/region-lookup.ts';

const csv = readFileSync(new URL('../../../public/data/divisions.csv', import.meta.url), 'utf8').replace(/^\ufeff/, '');
const rows = Papa.parse<DivisionRow>(csv, { header: true, skipEmptyLines: true }).data
  .map((r) => ({ ...r, prefecture_code: r.prefecture_code || null, prefecture_name: r.prefecture_name || null }));
const lookup = createRegionLookup(rows);

const codeOf = (text: string, context?: { province?: string; prefecture?: string }) => {
  const m = lookup.match(text, context);
  return m.kind === 'match' ? m.region.region_code : m.kind;
};

describe('region lookup over the shipped divisions table', () => {
  it('matches codes, official names, short names and pinyin', () => {
    expect(codeOf('140223')).toBe('140223');
    expect(codeOf('140223000000')).toBe('140223');
    expect(codeOf('１４０２２３')).toBe('140223');
    expect(codeOf('广灵县')).toBe('140223');
    expect(codeOf(' 广灵 ')).toBe('140223');
    expect(codeOf('Lingqiu')).toBe('140224');
    expect(codeOf('guangling xian')).toBe('140223');
    // 广灵县 (Shanxi) and 广陵区 (Yangzhou) share their pinyin: ambiguous until a province is named.
    const guangling = lookup.match('Guangling');
    expect(guangling.kind).toBe('ambiguous');
    if (guangling.kind === 'ambiguous') expect(guangling.candidates.map((c) => c.region_code).sort()).toEqual(['140223', '321002']);
    expect(codeOf('Guangling', { province: '山西' })).toBe('140223');
    expect(codeOf('Guangling', { province: '山西省' })).toBe('140223');
  });

  it('names an unknown code or name as unknown, never guesses', () => {
    expect(codeOf('999999')).toBe('unknown');
    expect(codeOf('不存在县')).toBe('unknown');
    expect(codeOf('<img src=x onerror=alert(1)>')).toBe('unknown');
    expect(codeOf('')).toBe('unknown');
  });

  it('reports a shared short name as ambiguous and narrows it with a province or a prefix', () => {
    const chaoyang = lookup.match('朝阳区');
    expect(chaoyang.kind).toBe('ambiguous');
    if (chaoyang.kind === 'ambiguous') expect(chaoyang.candidates.map((c) => c.region_code)).toContain('110105');
    expect(codeOf('朝阳区', { province: '北京市' })).toBe('110105');
    expect(codeOf('朝阳区', { province: '110000' })).toBe('110105');
    expect(codeOf('北京市朝阳区')).toBe('110105');
    expect(codeOf('山西省大同市广灵县')).toBe('140223');
    expect(codeOf('大同广灵县')).toBe('140223');
  });

  it('finds the place a report title names, most specific first', () => {
    expect(lookup.findInText('广灵县2024年法治政府建设年度报告')[0]?.region_code).toBe('140223');
    expect(lookup.findInText('大同市灵丘县人民政府关于2023年法治政府建设情况的报告')[0]?.region_code).toBe('140224');
    expect(lookup.findInText('北京市朝阳区2022年法治政府建设年度情况报告')[0]?.region_code).toBe('110105');
    expect(lookup.findInText('2024年法治政府建设年度报告')).toEqual([]);
  });
});
