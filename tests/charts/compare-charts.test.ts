import { describe, expect, it } from 'vitest';
import { FOCUS_OUTLINE, USER_COLOR, paleOf } from '../../src/charts/theme.ts';
import { placeColors } from '../../src/charts/place-colors.ts';
import { buildCompareBarsOption, flattenedBars, logScaleUsable, obsIdOfBar, otherYearsSentence, rankSentence, spreadKey } from '../../src/charts/compare-bars.ts';
import { TEXT, TEXT_WITH_USER } from './compare-text.ts';
import { buildDumbbellOption, dumbbellMarks, orderPairs } from '../../src/charts/compare-dumbbell.ts';
import { compareFlaggedRows, dumbbellFlaggedRows } from '../../src/charts/export-compare.ts';
import { BAR_MARKS, exportNotes } from '../../src/charts/export-meta.ts';
import { EXPORT_MESSAGES } from '../../src/features/i18n/views/export.ts';
import { echarts, type EChartsOption } from '../../src/charts/echarts.ts';
import { pairYears, rankFigures, spreadOf, type CompareFigure } from '../../src/db/queries/compare.ts';


const fig = (region_code: string, region_name: string, value: number, over: Partial<CompareFigure> = {}): CompareFigure => ({
  obs_id: `obs-${region_code}-${over.year ?? 2022}`, region_code, region_name, name_pinyin: 'Pinyin', year: 2022, period: 'year', value, unit: '%',
  approx: 'exact', value_kind: 'reported', flags: [], n_candidates: 1, report_id: 'fake-report', ...over,
});

const FIGURES = [
  fig('990001', '测试县', 90),
  fig('990002', '样例县<script>&"', 88, { approx: 'about' }),
  fig('990003', '演示区', 88),
  fig('990004', '示范县', 96, { value_kind: 'derived' }),
  fig('980001', '外省县', 70),
];
const ranked = rankFigures(FIGURES, 'higher');
const spread = spreadOf(ranked.map((r) => r.value));
const settings = { lang: 'zh' as const, text: TEXT, focus: '990001', focusName: '测试县', direction: 'higher' as const, title: '人民调解成功率 · 2022', spread, animation: false };
const option = buildCompareBarsOption(ranked, { name: '人民调解成功率', unit: '%' }, settings);

type Bar = { type: string; data: { value: number; obsId: string; itemStyle: { color: string; borderColor?: string; borderType?: string } }[]; markLine?: { data: { xAxis: number }[] }; markArea?: { data: [{ xAxis: number }, { xAxis: number }][] } };
const bar = (o: EChartsOption) => (o.series as Bar[])[0]!;

function svgOf(o: EChartsOption, height = 400): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 720, height });
  chart.setOption(o);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

describe('buildCompareBarsOption', () => {
  it('orders the bars best first and highlights the focal place', () => {
    expect((option.yAxis as { data: string[] }).data).toEqual(['示范县', '测试县', '样例县<script>&"', '演示区', '外省县']);
    const items = bar(option).data;
    // Each bar in its place's own colour (the focal place's first, as in Trends when drawn alone).
    const colours = placeColors(['990001', '990004', '990001', '990002', '990003', '980001']);
    expect(colours.get('990001')).toBe(placeColors(['990001']).get('990001'));
    // Approximate or derived bars are lighter, outlined in the full colour; the focal place has a dark outline.
    expect(items.map((d) => d.itemStyle.borderColor ?? d.itemStyle.color)).toEqual(
      [colours.get('990004'), FOCUS_OUTLINE, colours.get('990002'), colours.get('990003'), colours.get('980001')]);
    expect(items[0]!.itemStyle.color).toBe(paleOf(colours.get('990004')!));
    expect(items[1]!.itemStyle.color).toBe(colours.get('990001'));
    expect(new Set(items.map((d) => d.itemStyle.borderColor ?? d.itemStyle.color)).size, 'five places, five colours').toBe(5);
    expect(items[0]!.itemStyle.borderType).toBe('dashed'); // derived
    expect(items[2]!.itemStyle.borderType).toBe('dashed'); // approximate
    expect(items[1]!.itemStyle.borderType).toBeUndefined();
    expect(obsIdOfBar({ data: items[1] })).toBe('obs-990001-2022');
    expect(obsIdOfBar({ data: 3 })).toBeNull();
  });

  it('draws the peer median as a line and the interquartile range as a band', () => {
    expect(bar(option).markLine!.data).toEqual([expect.objectContaining({ xAxis: 88 })]);
    expect(bar(option).markArea!.data).toEqual([[expect.objectContaining({ xAxis: 88 }), { xAxis: 90 }]]);
  });

  it('states the rank with ties and what the order means', () => {
    expect(rankSentence(ranked, '990003', '演示区', TEXT)).toBe('演示区:第 3 位,共 5 个地区(并列)');
    expect(rankSentence(ranked, '990001', '测试县', TEXT)).toBe('测试县:第 2 位,共 5 个地区');
    expect(rankSentence(ranked, '999999', '别处', TEXT)).toBe('别处在2022年没有全年数字,未参与排名');
    expect((option.title as { subtext: string }).subtext).toBe('测试县:第 2 位,共 5 个地区 · 90%\n数值越高越好\n中位数 88% · 四分位距 88%–90%');
    const bySize = buildCompareBarsOption(rankFigures(FIGURES, 'size'), { name: '件数', unit: '件' }, { ...settings, direction: 'size' });
    expect((bySize.title as { subtext: string }).subtext).toContain('按数值大小排序,不代表好坏');
  });

  it('draws no median or band with fewer than three places', () => {
    const two = rankFigures(FIGURES.slice(0, 2), 'higher');
    const o = buildCompareBarsOption(two, { name: 'x', unit: '%' }, { ...settings, spread: spreadOf(two.map((r) => r.value)) });
    expect(bar(o).markLine).toBeUndefined();
    expect(bar(o).markArea).toBeUndefined();
  });

  it('marks approximate and derived values in the labels and escapes the tooltip', () => {
    const label = (bar(option) as unknown as { label: { formatter: (p: unknown) => string } }).label.formatter;
    expect(label({ data: bar(option).data[0] })).toBe('96%*');
    expect(label({ data: bar(option).data[2] })).toBe('≈88%');
    const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = tooltip({ data: bar(option).data[2] });
    expect(html).toContain('样例县&lt;script&gt;&amp;&quot;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('约');
  });

  it("shows a bar's quote in its tooltip, read when the tooltip opens (the quotes arrive after the bars are drawn)", () => {
    const quotes = new Map<string, string>();
    const drawn = buildCompareBarsOption(ranked, { name: '人民调解成功率', unit: '%' }, { ...settings, quoteOf: (id) => quotes.get(id) });
    const tooltip = (drawn.tooltip as { formatter: (p: unknown) => string }).formatter;
    const first = bar(drawn).data[0]!;
    expect(tooltip({ data: first })).not.toContain('“');
    quotes.set(first.obsId, '【虚构】调解成功率96%。');
    expect(tooltip({ data: first })).toContain('“【虚构】调解成功率<b>96</b>%。”');
  });

  it('renders to SVG with escaped names, the median line, the highlighted focal bar and the rank text', () => {
    const svg = svgOf(option);
    expect(svg).toContain('样例县&lt;script&gt;&amp;');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('中位数 88%');
    expect(svg).toContain('四分位距');
    expect(svg).toContain('测试县:第 2 位,共 5 个地区 · 90%');
    expect(svg.toLowerCase()).toContain(placeColors(['990001']).get('990001'));
    expect(svg).toContain('人民调解成功率 · 2022');
    expect(svg).not.toMatch(/style="[^"]*"Noto/); // a " inside an attribute would make the SVG ill-formed
  });

  it('leaves the title to the page when given none', () => {
    const bare = buildCompareBarsOption(ranked, { name: '人民调解成功率', unit: '%' }, { ...settings, title: '' });
    expect(bare.title).toBeUndefined();
    expect(svgOf(bare)).not.toContain('测试县:第 2 位');
    // The median and band are drawn, their key is not: the page shows it above the chart (spreadKey).
    expect(svgOf(bare)).not.toContain('中位数');
    expect(svgOf(bare)).not.toContain('四分位距');
    expect(spreadKey(settings.spread, '%', 'zh', settings.text)).toEqual({ median: '中位数 88%', iqr: '四分位距 88%–90%' });
  });

  it('labels places with pinyin in English and keeps two places of one name apart', () => {
    const en = buildCompareBarsOption(rankFigures([fig('1', '同名县', 2), fig('2', '同名县', 1)], 'higher'), { name: 'x', unit: '件' }, { ...settings, lang: 'en', focus: '1' });
    expect((en.yAxis as { data: string[] }).data).toEqual(['Pinyin 同名县 (1)', 'Pinyin 同名县 (2)']);
  });
});

describe('buildDumbbellOption', () => {
  const from = [fig('990001', '测试县', 95, { year: 2021 }), fig('990003', '演示区', 85, { year: 2021 }), fig('980001', '外省<b>县', 72, { year: 2021 })];
  const to = [fig('990001', '测试县', 90), fig('990003', '演示区', 88), fig('980001', '外省<b>县', 70), fig('990002', '样例县', 88)];
  const { pairs, onlyTo } = pairYears(from, to);
  const o = buildDumbbellOption(pairs, { name: '人民调解成功率', unit: '%' }, { lang: 'zh', text: TEXT, focus: '990001', direction: 'higher', fromYear: 2021, toYear: 2022, title: '2021 → 2022', animation: false });

  it('draws one segment per place with both years, ordered by the later value', () => {
    expect(onlyTo.map((f) => f.region_code)).toEqual(['990002']);
    expect(orderPairs(pairs, 'higher').map((p) => p.region_code)).toEqual(['990001', '990003', '980001']);
    expect(orderPairs(pairs, 'lower').map((p) => p.region_code)).toEqual(['980001', '990003', '990001']);
    const series = o.series as { name: string; data: { value: [number, string]; obsId: string }[]; markLine?: { data: unknown[] } }[];
    expect(series.map((s) => s.name)).toEqual(['2021年', '2022年']);
    expect(series[0]!.data.map((d) => d.value)).toEqual([[95, '测试县'], [85, '演示区'], [72, '外省<b>县']]);
    expect(series[0]!.markLine!.data).toHaveLength(3);
    expect(series[1]!.data[0]!.obsId).toBe('obs-990001-2022');
  });

  it('renders to SVG with escaped names and the focal place in its colour', () => {
    const svg = svgOf(o, 240);
    expect(svg).toContain('外省&lt;b&gt;县');
    expect(svg).not.toContain('<b>');
    expect(svg.toLowerCase()).toContain(placeColors(['990001']).get('990001'));
    expect(svg).toContain('2021年');
  });

  it('marks derived and approximate figures as Trends does, dashes their segments, and keys only the marks drawn', () => {
    const plain = buildDumbbellOption(pairs, { name: '率', unit: '%' }, { lang: 'zh', text: TEXT, focus: '990001', direction: 'higher', fromYear: 2021, toYear: 2022, title: '', animation: false });
    expect((plain.legend as { data: string[] }).data).toEqual(['2021年', '2022年']);
    const marked = pairYears(
      [fig('990001', '测试县', 4977, { year: 2023, value_kind: 'derived', approx: 'about' }), fig('990003', '演示区', 85, { year: 2023 })],
      [fig('990001', '测试县', 8745, { year: 2024 }), fig('990003', '演示区', 88, { year: 2024, approx: 'at_least' })],
    ).pairs;
    expect(dumbbellMarks(marked)).toEqual({ partYear: false, approx: true, derived: true });
    const o2 = buildDumbbellOption(marked, { name: '件数', unit: '件' }, { lang: 'zh', text: TEXT, focus: '990001', direction: 'size', fromYear: 2023, toYear: 2024, title: '', animation: false });
    const series = o2.series as { name: string; data: { symbol: string; obsId: string }[]; markLine?: { data: [{ lineStyle: { type: string } }, unknown][] } }[];
    expect(series[0]!.data.map((d) => [d.obsId, d.symbol])).toEqual([['obs-990001-2023', 'triangle'], ['obs-990003-2023', 'circle']]);
    expect(series[1]!.data.map((d) => d.symbol)).toEqual(['circle', 'diamond']);
    expect(series[0]!.markLine!.data.map((segment) => segment[0].lineStyle.type)).toEqual(['dashed', 'dashed']);
    expect((o2.legend as { data: string[] }).data).toEqual(['2023年', '2024年', '约数', '推算值']);
    const notes = exportNotes(dumbbellFlaggedRows(marked, 'zh'), EXPORT_MESSAGES.zh.exportText, 'zh');
    expect(notes).toEqual([
      '注:约数(菱形),原文为“约、余、以上、不足”等:演示区 2024(不少于)。',
      '注:约数,原文为“约、余、以上、不足”等:测试县 2023(约)。', // drawn as a triangle (derived), so no diamond is named
      '注:推算值(三角形),由报告中的其他数字算出,原文未直接印出:测试县 2023。',
    ]);
  });
});

describe("the dumbbell marks the researcher's own figures", () => {
  const pairs = pairYears(
    [fig('990001', '测试县', 80, { year: 2023, origin: 'user' }), fig('990003', '演示区', 85, { year: 2023 })],
    [fig('990001', '测试县', 90, { year: 2024 }), fig('990003', '演示区', 88, { year: 2024, origin: 'user' })],
  ).pairs;
  const o = buildDumbbellOption(pairs, { name: '率', unit: '%' }, { lang: 'zh', text: TEXT_WITH_USER, focus: '990001', direction: 'higher', fromYear: 2023, toYear: 2024, title: '', animation: false });
  const series = o.series as { data: { obsId: string; itemStyle: { borderColor: string; borderType?: string } }[] }[];
  const style = (obsId: string) => series.flatMap((s) => s.data).find((d) => d.obsId === obsId)!.itemStyle;

  it('outlines a user figure dashed purple, the focal one too, and leaves the published ones as they were', () => {
    expect(style('obs-990001-2023')).toMatchObject({ borderColor: USER_COLOR, borderType: 'dashed' });
    expect(style('obs-990003-2024')).toMatchObject({ borderColor: USER_COLOR, borderType: 'dashed' });
    expect(style('obs-990001-2024')).toMatchObject({ borderColor: FOCUS_OUTLINE });
    expect(style('obs-990001-2024').borderType).toBeUndefined();
    expect(style('obs-990003-2023').borderColor).not.toBe(USER_COLOR);
  });

  it("says which year's figure is the user's in the tooltip", () => {
    const tooltip = (o.tooltip as { formatter: (p: unknown) => string }).formatter;
    const focal = tooltip({ data: { obsId: 'obs-990001-2024' } });
    expect(focal).toMatch(/2023: 80% <b[^>]*>◇ 我的数据<\/b><\/div>/);
    expect(focal).toMatch(/2024: 90%<\/div>/);
    const other = tooltip({ data: { obsId: 'obs-990003-2023' } });
    expect(other).toMatch(/2023: 85%<\/div>/);
    expect(other).toMatch(/2024: 88% <b[^>]*>◇ 我的数据<\/b><\/div>/);
  });
});

describe('export notes name only the marks a chart draws', () => {
  it('the ranked bars: light dashed bars, never diamonds or triangles', () => {
    const rows = compareFlaggedRows(rankFigures([fig('990001', '测试县', 90, { approx: 'about' }), fig('990002', '样例县', 80, { value_kind: 'derived' })], 'higher'), 'zh');
    const notes = exportNotes(rows, EXPORT_MESSAGES.zh.exportText, 'zh', BAR_MARKS).join(' ');
    expect(notes).toContain('约数(浅色虚线框的条)');
    expect(notes).toContain('推算值(浅色虚线框的条,数值后带 *)');
    expect(notes).not.toMatch(/菱形|三角形|空心/);
  });
});

describe('compare bars across years', () => {
  const figures = [fig('990001', '测试县', 90, { year: 2025 }), fig('990002', '样例县', 8000, { year: 2024, unit: '件' }), fig('990003', '演示区', 40, { year: 2025, unit: '件' })];
  const counts = rankFigures(figures.map((f) => ({ ...f, unit: '件' })), 'size');
  const base = { lang: 'zh' as const, text: TEXT, focus: '990001', focusName: '测试县', direction: 'size' as const, title: '', spread: null, animation: false, target: 2025, tolerance: 1 };

  it("labels a figure of another year with its year, in the axis label and the tooltip", () => {
    const option = buildCompareBarsOption(counts, { name: '件数', unit: '件' }, base);
    expect((option.yAxis as { data: string[] }).data).toEqual(['2024 · 样例县', '测试县', '演示区']);
    const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter({ data: { obsId: counts[0]!.obs_id } });
    expect(tooltip).toContain('样例县为2024年数字');
    expect(rankSentence(counts, '990001', '测试县', TEXT, { target: 2025, tolerance: 1 })).toBe('测试县:第 2 位,共 3 个地区 · 样例县为2024年数字');
    expect(rankSentence(counts, '990001', '测试县', TEXT, { target: 2025, tolerance: 1, withoutOtherYears: true })).toBe('测试县:第 2 位,共 3 个地区');
    expect(otherYearsSentence(counts, 2025, TEXT)).toBe('样例县为2024年数字');
  });

  it('says when one large place flattens the rest, and draws counts on a log axis when asked', () => {
    expect(flattenedBars(counts)).toMatchObject({ largest: { region_code: '990002' }, n: 2 });
    expect(flattenedBars(counts.slice(1))).toBeNull();
    expect(logScaleUsable([1, 10], '件')).toBe(true);
    expect(logScaleUsable([0, 10], '件')).toBe(false);
    expect(logScaleUsable([1, 10], '%')).toBe(false);
    const log = buildCompareBarsOption(counts, { name: '件数', unit: '件' }, { ...base, log: true });
    expect((log.xAxis as { type: string }).type).toBe('log');
    expect(svgOf(log)).toContain('8,000');
    expect((buildCompareBarsOption(counts, { name: '件数', unit: '件' }, base).xAxis as { type: string; min: number })).toMatchObject({ type: 'value', min: 0 });
  });
});
