import { describe, expect, it } from 'vitest';
import { PALETTE } from '../../src/charts/theme.ts';
import '../../src/charts/echarts-extras.ts'; // the SVG renderer (server-side rendering here)
import { echarts } from '../../src/charts/echarts.ts';
import { LABEL_GAP } from '../../src/charts/line-end-labels.ts';
import { placeColors } from '../../src/charts/place-colors.ts';
import { buildTrendOption, joinableRuns, obsIdOf, percentAxis, periodKind, symbolOf } from '../../src/charts/trend-chart.ts';
import type { TrendPoint } from '../../src/db/queries/trend.ts';
import { endLabels, TEXT } from './trend-text.ts';

const point = (over: Partial<TrendPoint>): TrendPoint => ({
  obs_id: `${over.region_code ?? '990001'}-${over.year ?? 2020}`, region_code: '990001', region_name: '测试县', name_pinyin: 'Ceshi', year: 2020,
  period: 'year', value: 90, unit: '%', approx: 'exact', value_kind: 'reported', report_id: 'fake', publisher_kind: 'county-gov',
  quote: '【虚构】调解成功率90%。', flags: [], n_candidates: 1, conflict: false, ...over,
});

const POINTS: TrendPoint[] = [
  point({ year: 2020, value: 90 }),
  point({ year: 2021, value: 95, approx: 'at_least' }),
  point({ year: 2023, value: 97, period: '2023-01/2023-08' }),
  point({ year: 2024, value: 96, value_kind: 'derived', n_candidates: 3, conflict: true }),
  point({ region_code: '990002', region_name: '样例县<script>&', year: 2022, value: 88, quote: '【虚构】"样例"<b>成功率88%</b>' }),
];
const INDICATOR = { name: '人民调解成功率', unit: '%' };
const option = buildTrendOption(POINTS, INDICATOR, { lang: 'zh', text: TEXT, animation: false });
type AnySeries = { type: string; name: string; data: unknown[]; connectNulls?: boolean; lineStyle?: { type?: string } };
const series = option.series as AnySeries[];


describe('buildTrendOption', () => {
  it('puts every year of the range on the axis, so a missing year is a gap', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['2020', '2021', '2022', '2023', '2024']);
    const [solid, dashed] = series;
    expect(solid).toMatchObject({ type: 'line', name: '测试县', connectNulls: false, data: [90, null, null, null, null] });
    // 2023 covers January to August: it is joined neither to 2021 nor to the whole year 2024, so it sits in
    // the second pair of lines (after the points), alone, and 2024 is alone in the first pair.
    expect(dashed).toMatchObject({ type: 'line', connectNulls: false, lineStyle: { type: 'dashed' }, data: [90, 95, null, null, 96] });
    expect(series[4]).toMatchObject({ type: 'line', name: '测试县', lineStyle: { type: 'dashed' }, data: [null, null, null, 97, null] });
    expect(series.every((s) => s.type !== 'line' || s.connectNulls !== true)).toBe(true);
  });

  it('joins only figures of the same kind of period: monthly snapshots of different months are never a line', () => {
    const snapshots = [
      point({ year: 2019, period: '2019-04', value: 98 }), point({ year: 2020, period: '2020-09', value: 99 }),
      point({ year: 2021, period: '2021-09', value: 97 }), point({ year: 2022, value: 95 }), point({ year: 2023, value: 96 }),
    ];
    expect(joinableRuns(new Map(snapshots.map((p) => [String(p.year), p])), ['2019', '2020', '2021', '2022', '2023'])).toEqual([[0], [1, 2], [3, 4]]);
    expect(periodKind('2021-01/2021-08')).toBe('YYYY-01/YYYY-08');
    const lines = (buildTrendOption(snapshots, INDICATOR, { lang: 'zh', text: TEXT, animation: false }).series as AnySeries[])
      .filter((s) => s.type === 'line' && s.name === '测试县');
    // Every line series' non-null values are consecutive and of one run: September 2020–21 together, 2022–23 together.
    const drawn = lines.map((l) => l.data.map((v, i) => (v === null ? null : i)).filter((i) => i !== null));
    expect(drawn.filter((d) => d.length > 1).sort()).toEqual([[1, 2], [3, 4]]); // dashed Sept 2020–21, solid 2022–23
    expect(drawn.some((d) => d.includes(0) && d.length > 1)).toBe(false); // April 2019 joins nothing
  });

  it('draws each figure as a symbol whose shape and fill say what kind of figure it is', () => {
    const scatter = series[2]!;
    expect(scatter.type).toBe('scatter');
    expect((scatter.data as { symbol: string }[]).map((d) => d.symbol)).toEqual(['circle', 'diamond', 'emptyCircle', 'triangle']);
    expect(symbolOf({ period: '2024-Q3', approx: 'about', value_kind: 'reported' })).toBe('emptyDiamond');
    expect(obsIdOf({ data: (scatter.data as unknown[])[1] })).toBe('990001-2021');
    expect(obsIdOf({ data: 42 })).toBeNull();
  });

  it('shows a place with a single year as a point', () => {
    const single = series.filter((s) => s.name === '样例县<script>&');
    expect(single.map((s) => s.type)).toEqual(['line', 'line', 'scatter']);
    expect(single[2]!.data).toHaveLength(1);
  });

  it('names the places at the ends of their lines, not in a legend, and explains the encoding in a non-toggling key', () => {
    expect(endLabels(option).map((l) => l.text)).toEqual(['测试县', '样例县<script>&']);
    const [symbols, line] = option.legend as { data: (string | { name: string })[]; selectedMode?: boolean }[];
    expect((option.legend as unknown[]).length).toBe(2);
    expect(symbols!.selectedMode).toBe(false);
    expect(symbols!.data).toEqual([TEXT.keyPlain, TEXT.keyPartYear, TEXT.keyApprox, TEXT.keyDerived]);
    expect(line!.selectedMode).toBe(false);
    expect(line!.data).toMatchObject([{ name: TEXT.keyDashed }]);
  });

  it('keeps a rate axis within 0–100, starting at a multiple of 5 below the lowest value', () => {
    expect(option.yAxis).toMatchObject({ min: 85, max: 100, interval: 5 });
    expect(percentAxis([point({ value: 98.4 })])).toEqual({ min: 97, max: 100, interval: 1 });
    expect(percentAxis([point({ value: 13 }), point({ value: 99 })])).toEqual({ min: 0, max: 100, interval: 20 });
    expect(percentAxis([point({ value: 120 })])).toEqual({});
    // Counts start at zero and end on a round step above the largest value (the labels need the axis ends known).
    const counts = buildTrendOption([point({ unit: '件', value: 1234 })], { name: '调解数', unit: '件' }, { lang: 'zh', text: TEXT });
    expect(counts.yAxis).toMatchObject({ type: 'value', min: 0, max: 1250, interval: 250 });
  });

  it('labels places with pinyin in English', () => {
    const en = buildTrendOption(POINTS, INDICATOR, { lang: 'en', text: TEXT });
    expect(endLabels(en).map((l) => l.text)).toEqual(['Ceshi 测试县', 'Ceshi 样例县<script>&']);
  });

  it('gives two places of the same name distinct labels', () => {
    const twins = buildTrendOption([point({}), point({ region_code: '990009' })], INDICATOR, { lang: 'zh', text: TEXT });
    expect(endLabels(twins).map((l) => l.text)).toEqual(['测试县 (990001)', '测试县 (990009)']);
  });
});

describe('the tooltip', () => {
  const format = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
  const hostile = (series.find((s) => s.type === 'scatter' && s.name === '样例县<script>&')!.data as unknown[])[0];

  it('escapes region names and quotes and marks the figure', () => {
    const html = format({ data: hostile });
    expect(html).toContain('样例县&lt;script&gt;&amp;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&quot;样例&quot;&lt;b&gt;成功率<b>88</b>%&lt;/b&gt;');
  });

  it('says when a figure is part-year, approximate or derived', () => {
    const data = series[2]!.data as unknown[];
    expect(format({ data: data[1] })).toContain('不少于');
    expect(format({ data: data[2] })).toContain('部分年度:2023年1月至2023年8月');
    expect(format({ data: data[3] })).toContain('推算值');
    expect(format({ data: data[3] })).toContain('同一时段另有不同的数字 · 另有2条');
    expect(format({ data: data[0] })).not.toContain('color:#b45309');
  });
});

describe('server-side SVG rendering', () => {
  it('renders Chinese text and escapes names in the SVG', () => {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 420 });
    chart.setOption(option);
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(svg).toContain('测试县');
    expect(svg).toContain('全年原文精确值');
    expect(svg).toContain('样例县&lt;script&gt;&amp;');
    expect(svg).not.toContain('<script');
    expect(svg).toMatch(/stroke-dasharray/);
  });
});

describe('settings.order', () => {
  it('lists places in the given order', () => {
    const ordered = buildTrendOption(POINTS, INDICATOR, { lang: 'zh', text: TEXT, order: ['990002', '990001'] });
    expect(endLabels(ordered).map((l) => l.text)).toEqual(['样例县<script>&', '测试县']);
  });
});

describe('colours', () => {
  it('follow the place (place-colors.ts), not its position among the places drawn or the order', () => {
    const own = placeColors(['990002']).get('990002');
    for (const order of [['990001', '990002'], ['990002'], []]) {
      const only = buildTrendOption(POINTS.filter((p) => p.region_code === '990002'), INDICATOR, { lang: 'zh', text: TEXT, order });
      expect((only.series as { lineStyle?: { color?: string } }[])[0]!.lineStyle!.color).toBe(own);
      expect(endLabels(only)[0]!.color).toBe(own);
    }
    expect(PALETTE).toContain(own);
  });
});

describe('line-end labels', () => {
  const counts = (code: string, year: number, value: number) => point({ region_code: code, region_name: `县${code}`, year, value, unit: '件', obs_id: `${code}-${year}` });
  const near = [counts('990001', 2020, 100), counts('990001', 2021, 500), counts('990002', 2021, 505), counts('990003', 2021, 498)];

  it('stand at each place\'s last figure, nudged apart so that none overlaps (at least LABEL_GAP px)', () => {
    const built = buildTrendOption(near, { name: '件数', unit: '件' }, { lang: 'zh', text: TEXT, height: 440 });
    const axis = built.yAxis as { min: number; max: number };
    const pxPerUnit = (440 - 36 - 72) / (axis.max - axis.min);
    const ys = endLabels(built).map((l) => l.value * pxPerUnit).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i += 1) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(LABEL_GAP - 1e-6);
    // Nudged, not moved far: each within three gaps of its own figure.
    for (const l of endLabels(built)) expect(Math.abs(l.value - near.filter((p) => p.region_name === l.text).at(-1)!.value) * pxPerUnit).toBeLessThanOrEqual(3 * LABEL_GAP);
  });

  it('are plain text, as written (never rich text), cut with an ellipsis past a share of a narrow chart', () => {
    const narrow = buildTrendOption(near, { name: '件数', unit: '件' }, { lang: 'zh', text: TEXT, width: 343 });
    const item = ((narrow.series as { type: string; silent?: boolean; data: unknown[] }[]).find((s) => s.type === 'scatter' && s.silent)!.data[0]) as { label: { width: number; overflow: string; rich?: unknown } };
    expect(item.label).toMatchObject({ overflow: 'truncate' });
    expect(item.label.rich).toBeUndefined();
    expect(item.label.width).toBeLessThanOrEqual(110);
    expect((narrow.grid as { right: number }).right).toBeLessThanOrEqual(140);
  });
});

describe('log axis and index values', () => {
  const counts = [point({ unit: '件', value: 30, year: 2020 }), point({ unit: '件', value: 4500, year: 2021 })];
  it('a log axis runs from the power of ten below the smallest figure to the one above the largest', () => {
    const built = buildTrendOption(counts, { name: '件数', unit: '件' }, { lang: 'zh', text: TEXT, log: true });
    expect(built.yAxis).toMatchObject({ type: 'log', min: 10, max: 10_000 });
  });
  it('an index axis is named as such and is not a rate axis', () => {
    const built = buildTrendOption([point({ value: 100 }), point({ value: 180, year: 2021 })], INDICATOR, { lang: 'zh', text: { ...TEXT, indexAxis: '指数' }, index: true });
    expect(built.yAxis).toMatchObject({ name: '指数', min: 0, max: 200 });
  });
});
