/**
 * An update through the EChart wrapper (src/charts/EChart.tsx `updateChart`: series ids, replaceMerge of
 * the option's component types) draws the same elements as a fresh chart given the new option: nothing
 * of the previous option is left merged in. Drawn with ECharts' SVG renderer in its server-side mode.
 */
import { describe, expect, it } from 'vitest';
import '../../src/charts/echarts-extras.ts'; // bars, titles, marks and the SVG renderer
import { updateChart } from '../../src/charts/EChart.tsx';
import { echarts, type EChartsOption } from '../../src/charts/echarts.ts';
import { buildCompareBarsOption } from '../../src/charts/compare-bars.ts';
import { buildTrendOption } from '../../src/charts/trend-chart.ts';
import { rankFigures, spreadOf, type CompareFigure } from '../../src/db/queries/compare.ts';
import type { TrendPoint } from '../../src/db/queries/trend.ts';
import { TEXT as COMPARE_TEXT } from './compare-text.ts';
import { TEXT as TREND_TEXT } from './trend-text.ts';

const WIDTH = 720;
const HEIGHT = 420;
const newChart = () => echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
/** The SVG's lines, without the numbers the renderer gives its clip paths, gradients and style classes (counters, in drawing order). */
const drawing = (chart: ReturnType<typeof newChart>) => {
  const svg = chart.renderToSVGString().replace(/zr\d+-(?:cls-)?[a-z]*\d+/g, 'zr#');
  // The same elements, in any order: a series kept from the previous draw keeps its place in the
  // drawing order, one created anew comes after.
  return svg.split('\n').map((line) => line.replace(/ecmeta_series_index="\d+" /, '')).sort();
};

const trendPoint = (region_code: string, year: number, value: number, over: Partial<TrendPoint> = {}): TrendPoint => ({
  obs_id: `${region_code}-${year}`, region_code, region_name: `县${region_code}`, name_pinyin: 'Xian', year, period: 'year', value, unit: '件',
  approx: 'exact', value_kind: 'reported', report_id: 'fake', publisher_kind: 'county-gov', quote: '【虚构】数字。', flags: [], n_candidates: 1, conflict: false, ...over,
});
const trend = (points: TrendPoint[], settings: { log?: boolean; width?: number } = {}) =>
  buildTrendOption(points, { name: '虚构指标', unit: '件' }, { lang: 'zh', text: TREND_TEXT, animation: false, height: HEIGHT, ...settings });
const TWO_PLACES = [trendPoint('990001', 2020, 12), trendPoint('990001', 2021, 30), trendPoint('990002', 2020, 5), trendPoint('990002', 2022, 9)];
const OTHER_INDICATOR = [trendPoint('990001', 2019, 1200), trendPoint('990001', 2023, 800, { approx: 'about' }), trendPoint('990002', 2021, 300)];
const THREE_PLACES = [...TWO_PLACES, trendPoint('990003', 2021, 44, { period: '2021-01/2021-06' }), trendPoint('990003', 2022, 50)];

const fig = (region_code: string, value: number): CompareFigure => ({
  obs_id: `obs-${region_code}`, region_code, region_name: `县${region_code}`, name_pinyin: 'Xian', year: 2022, period: 'year', value, unit: '%',
  approx: 'exact', value_kind: 'reported', flags: [], n_candidates: 1, report_id: 'fake',
});
const bars = (figures: CompareFigure[], title: string) => {
  const ranked = rankFigures(figures, 'higher');
  return buildCompareBarsOption(ranked, { name: '虚构比率', unit: '%' }, {
    lang: 'zh', text: COMPARE_TEXT, focus: '990001', focusName: '县990001', direction: 'higher', title, spread: spreadOf(ranked.map((r) => r.value)), animation: false,
  });
};

const plain = (axisLabel: Record<string, unknown>): EChartsOption => ({
  animation: false, xAxis: { type: 'category', data: ['2020', '2021'], axisLabel }, yAxis: { type: 'value' }, series: [{ type: 'line', data: [1, 2] }],
});

const PAIRS: Array<[string, EChartsOption, EChartsOption]> = [
  ['an axis label that loses its rotation', plain({ rotate: 60, color: '#333' }), plain({ color: '#333' })],
  ['trend: another indicator', trend(TWO_PLACES), trend(OTHER_INDICATOR)],
  ['trend: a place added', trend(TWO_PLACES), trend(THREE_PLACES)],
  ['trend: a place removed', trend(THREE_PLACES), trend(TWO_PLACES)],
  ['trend: linear to log axis', trend(TWO_PLACES), trend(TWO_PLACES, { log: true })],
  ['trend: log to linear axis', trend(TWO_PLACES, { log: true }), trend(OTHER_INDICATOR)],
  ['trend: a narrower chart', trend(THREE_PLACES), trend(THREE_PLACES, { width: 320 })],
  ['compare: another year', bars([fig('990001', 90), fig('990002', 80), fig('990003', 70)], '2022'), bars([fig('990001', 60), fig('990002', 85)], '2021')],
  ['compare: more places', bars([fig('990001', 90), fig('990002', 80)], '2022'), bars([fig('990001', 90), fig('990002', 80), fig('990003', 95), fig('990004', 10)], '2022')],
];

describe('updateChart', () => {
  it.each(PAIRS)('%s: the update draws what a fresh chart draws', (_label, first, second) => {
    const updated = newChart();
    const fresh = newChart();
    try {
      const previous = updateChart(updated, first, null, false);
      updateChart(updated, second, previous, false);
      updateChart(fresh, second, null, false);
      expect(drawing(updated)).toEqual(drawing(fresh));
    } finally {
      updated.dispose();
      fresh.dispose();
    }
  });
});
