import { describe, expect, it } from 'vitest';
import { endLabels } from './trend-text.ts';
import { buildTrendOption } from '../../src/charts/trend-chart.ts';
import { trendTooltip } from '../../src/charts/trend-tooltip.ts';
import type { TrendPoint } from '../../src/db/queries/trend.ts';
import { TEXT } from './trend-text.ts';

const point = (over: Partial<TrendPoint>): TrendPoint => ({
  obs_id: `${over.region_code ?? '140223'}-${over.year ?? 2024}`, region_code: '140223', region_name: '广灵县', name_pinyin: 'Guangling', year: 2024,
  period: 'year', value: 90, unit: '%', approx: 'exact', value_kind: 'reported', report_id: 'fake', publisher_kind: 'county-gov',
  quote: '【虚构】调解成功率90%。', flags: [], n_candidates: 1, conflict: false, ...over,
});
const INDICATOR = { name: '人民调解成功率', unit: '%' };
const POINTS = [
  point({}),
  point({ region_code: '990002', region_name: '样例县<i>&', name_pinyin: 'Yangli<b>', year: 2023 }),
  point({ region_code: '990003', region_name: '无拼音县', name_pinyin: '', year: 2023 }),
];
const heading = (html: string) => /^<div[^>]*><div><b>(.*?)<\/b> · (\d+)<\/div>/.exec(html)?.slice(1);
const hover = (lang: 'zh' | 'en', obsId: string) => trendTooltip(POINTS, INDICATOR, { lang, text: TEXT })({ data: { obsId } });

describe('the trend tooltip names the place as the line-end label does', () => {
  it('in Chinese: the Chinese name', () => {
    expect(heading(hover('zh', '140223-2024'))).toEqual(['广灵县', '2024']);
  });

  it('in English: pinyin and Chinese, the same string as the line-end label', () => {
    expect(heading(hover('en', '140223-2024'))).toEqual(['Guangling 广灵县', '2024']);
    expect(endLabels(buildTrendOption(POINTS, INDICATOR, { lang: 'en', text: TEXT })).map((l) => l.text)).toContain('Guangling 广灵县');
    expect(heading(hover('en', '990003-2023'))).toEqual(['无拼音县', '2023']);
  });

  it('escapes the name, pinyin included', () => {
    const html = hover('en', '990002-2023');
    expect(heading(html)).toEqual(['Yangli&lt;b&gt; 样例县&lt;i&gt;&amp;', '2023']);
    expect(html).not.toContain('<i>');
  });

  it('tells two places of the same name apart by code, as the labels do', () => {
    const twins = [point({}), point({ region_code: '140299' })];
    const format = trendTooltip(twins, INDICATOR, { lang: 'en', text: TEXT });
    expect(heading(format({ data: { obsId: '140299-2024' } }))).toEqual(['Guangling 广灵县 (140299)', '2024']);
  });

  it('is empty for anything that is not a figure', () => {
    expect(hover('en', 'nope')).toBe('');
  });
});
