/**
 * The trend chart: one line per place over the years of one indicator. Pure: rows in, option out.
 *
 * Honesty rules drawn into the chart:
 * - a missing year is a gap (every year of the range is a category; nulls are never connected);
 * - a place with a single year is still visible (every figure is a symbol, not only a line vertex);
 * - a part-year figure has a hollow symbol, an approximate one a diamond, a derived one a triangle,
 *   and any line segment touching one of them is dashed; a line joins only figures of the same kind
 *   of period (whole years with whole years, a September bulletin with a September bulletin). A second
 *   legend explains the encoding;
 * - the researcher's own figure (我的数据; drawn only where no published one exists) is a square
 *   with a purple dashed outline, its segments dashed, with its own key entry.
 */
import { unitLabel } from '../core/catalog/units.ts';
import { INK_BODY, PALETTE, USER_OUTLINE } from './theme.ts';
import { keyLegends, keySeries } from './trend-key.ts';
import { labelValues, labelWidth, type EndLabel } from './line-end-labels.ts';
import { placeColors } from './place-colors.ts';
import { valueAxis, percentAxis as ratePercentAxis, type ValueAxis } from './trend-axis.ts';
import type { YearSpan } from './trend-years.ts';
import { CHART_FONT } from './chart-font.ts';
import { placeLabels } from '../core/regions/place-label.ts';
import type { Approx } from '../core/types.ts';
import type { TrendPoint } from '../db/queries/trend.ts';
import type { EChartsOption, LineSeriesOption, ScatterSeriesOption } from './echarts.ts';
import { trendTooltip, type TrendText } from './trend-tooltip.ts';
import type { Lang } from './format-value.ts';

export type { TrendText };

export interface TrendIndicator {
  name: string;
  unit: string;
}

export interface TrendSettings {
  lang: Lang;
  text: TrendText;
  animation?: boolean;
  /** Region codes in the order places are listed (and keep their own colour on a clash, place-colors.ts); places not listed follow by code. */
  order?: readonly string[];
  /** A logarithmic value axis (the caller checks log-scale.ts: counts above zero only). */
  log?: boolean;
  /** The values are indexes (trend-index.ts: first whole year = 100): the axis says so. */
  index?: boolean;
  /** The years on the axis (the chosen range); absent: the points' first to last year. */
  years?: YearSpan;
  /** The chart's height in pixels, for placing the line-end labels (default CHART_HEIGHT). */
  height?: number;
  /** The chart's width in pixels, for the line-end labels' room (absent: 800). */
  width?: number;
}

/** The chart's height on screen and in exports. */
export const CHART_HEIGHT = 440;
const GRID = { left: 56, top: 36 } as const;
const DEFAULT_WIDTH = 800;
/** The widest a line-end label may draw (a share of the chart's width, within bounds); a longer name is cut with an ellipsis (the table names it in full). */
const labelMaxWidth = (chartWidth: number | undefined): number => Math.round(Math.min(150, Math.max(90, 0.3 * (chartWidth ?? DEFAULT_WIDTH))));
/** How far right of the last year's centre the labels' colour dash sits. */
const LABEL_DASH_OFFSET = 16;
/** The label's start right of the dash (ECharts measures it from the dash's box, offset included). */
const LABEL_DISTANCE = 6;

/** The mark of the researcher's own data in every chart (the UI's badge uses the same purple). */

/** A scatter data item carries the observation id, read back by click handlers (`obsIdOf`). */
interface PointItem {
  value: [string, number]; obsId: string; symbol: string; symbolSize?: number;
  itemStyle: { color: string; borderColor: string; borderWidth: number; borderType?: 'dashed' };
}

export const isUser = (p: Pick<TrendPoint, 'origin'>): boolean => p.origin === 'user';

export const isPlain = (p: TrendPoint): boolean => p.period === 'year' && p.approx === 'exact' && p.value_kind === 'reported' && !isUser(p);

export function symbolOf(p: Pick<TrendPoint, 'period' | 'approx' | 'value_kind' | 'origin'>): string {
  const shape = isUser(p) ? 'rect' : p.value_kind === 'derived' ? 'triangle' : p.approx !== ('exact' satisfies Approx) ? 'diamond' : 'circle';
  return p.period === 'year' ? shape : `empty${shape[0]!.toUpperCase()}${shape.slice(1)}`;
}


function yearRange(points: readonly TrendPoint[], span?: YearSpan): string[] {
  if (points.length === 0 && !span) return [];
  const first = span?.first ?? Math.min(...points.map((p) => p.year));
  const last = span?.last ?? Math.max(...points.map((p) => p.year));
  const years: string[] = [];
  for (let y = first; y <= last; y += 1) years.push(String(y));
  return years;
}

/**
 * The kind of period a figure covers, whatever the year: 'year', or the part with its years taken out
 * ('YYYY-09' for a September bulletin, 'YYYY-01/YYYY-08' for January to August, 'YYYY-Q1').
 */
export const periodKind = (period: string): string => (period === 'year' ? 'year' : period.replace(/\d{4}/g, 'YYYY'));

/**
 * Runs of figures a line may join: consecutive years with the same kind of period (a
 * September snapshot is never joined to a whole year, nor to a March one). Indices into `years`.
 */
export function joinableRuns(byYear: ReadonlyMap<string, Pick<TrendPoint, 'period'>>, years: readonly string[]): number[][] {
  const runs: number[][] = [];
  years.forEach((year, i) => {
    const p = byYear.get(year);
    if (!p) return;
    const last = runs.at(-1);
    const previous = i > 0 ? byYear.get(years[i - 1]!) : undefined;
    if (last && last.at(-1) === i - 1 && previous && periodKind(previous.period) === periodKind(p.period)) last.push(i);
    else runs.push([i]);
  });
  return runs;
}

/**
 * A place's lines and points. Lines join only figures of one run (see `joinableRuns`); neighbouring
 * runs go to alternate pairs of line series, so no line crosses from one run to the next. The first
 * pair, then the points, then (only when needed) the second pair.
 */
function regionSeries(name: string, color: string, points: readonly TrendPoint[], years: readonly string[]): (LineSeriesOption | ScatterSeriesOption)[] {
  const byYear = new Map(points.map((p) => [String(p.year), p]));
  const runs = joinableRuns(byYear, years);
  const runOf = new Map(runs.flatMap((run, r) => run.map((i) => [i, r] as const)));
  const at = (i: number) => (i >= 0 && i < years.length ? byYear.get(years[i]!) : undefined);
  const sameRun = (i: number, j: number) => runOf.has(j) && runOf.get(j) === runOf.get(i);
  const qualified = (i: number) => { const p = at(i); return p !== undefined && !isPlain(p); };
  const lines = (set: 0 | 1): [(number | null)[], (number | null)[]] => {
    const inSet = (i: number) => (runOf.get(i) ?? -1) % 2 === set;
    const solid = years.map((_, i) => { const p = at(i); return p && inSet(i) && isPlain(p) ? p.value : null; });
    const dashed = years.map((_, i) => {
      const p = at(i);
      const touches = qualified(i) || (sameRun(i, i - 1) && qualified(i - 1)) || (sameRun(i, i + 1) && qualified(i + 1));
      return p && inSet(i) && touches ? p.value : null;
    });
    return [solid, dashed];
  };
  const line = (data: (number | null)[], type: 'solid' | 'dashed', z: number): LineSeriesOption => ({
    type: 'line', name, data, connectNulls: false, symbol: 'none', showSymbol: false, silent: true, z,
    lineStyle: { color, width: 2, type }, itemStyle: { color }, tooltip: { show: false }, emphasis: { disabled: true },
  });
  const items: PointItem[] = points.map((p) => (isUser(p) ? {
    value: [String(p.year), p.value], obsId: p.obs_id, symbol: symbolOf(p), symbolSize: 12,
    itemStyle: { color, ...USER_OUTLINE },
  } : {
    value: [String(p.year), p.value], obsId: p.obs_id, symbol: symbolOf(p),
    itemStyle: { color, borderColor: color, borderWidth: 2 },
  }));
  const scatter: ScatterSeriesOption = { type: 'scatter', name, data: items as unknown as ScatterSeriesOption['data'], symbolSize: 10, z: 4, itemStyle: { color }, cursor: 'pointer' };
  const [solid0, dashed0] = lines(0);
  const second = runs.length > 1 ? lines(1) : null;
  return [line(solid0, 'solid', 3), line(dashed0, 'dashed', 2), scatter, ...(second ? [line(second[0], 'solid', 3), line(second[1], 'dashed', 2)] : [])];
}

/** The rate axis (trend-axis.ts) as ECharts options; {} when a value lies outside 0–100. */
export function percentAxis(points: readonly TrendPoint[]): { min?: number; max?: number; interval?: number } {
  const axis = ratePercentAxis(points.map((p) => p.value));
  return axis ? { min: axis.min, max: axis.max, interval: axis.interval } : {};
}

/**
 * The places' names right of the plot, each at its last figure's height, nudged apart
 * (line-end-labels.ts): a silent scatter at the last year, one item per place, its symbol a short dash
 * of the place's colour right of the plot (3 px high: never taken for a data symbol) and its label the
 * name as written (plain text, never rich text or a template), cut with an ellipsis past `maxWidth`.
 */
function endLabelSeries(labels: readonly EndLabel[], axis: ValueAxis, lastYear: string, plotHeight: number, maxWidth: number): ScatterSeriesOption {
  const values = labelValues(labels, axis, plotHeight);
  return {
    type: 'scatter', name: '', silent: true, z: 5, tooltip: { show: false }, emphasis: { disabled: true },
    symbol: 'rect', symbolSize: [14, 3], symbolOffset: [LABEL_DASH_OFFSET, 0],
    data: labels.map((l, i) => ({
      value: [lastYear, values[i]!],
      itemStyle: { color: l.color, opacity: 1 },
      label: {
        show: true, position: 'right', distance: LABEL_DISTANCE, formatter: () => l.text, color: INK_BODY, fontSize: 12, opacity: 1,
        width: maxWidth, overflow: 'truncate',
      },
    })) as ScatterSeriesOption['data'],
  };
}

export function buildTrendOption(points: readonly TrendPoint[], indicator: TrendIndicator, settings: TrendSettings): EChartsOption {
  const { text } = settings;
  const years = yearRange(points, settings.years);
  const names = placeLabels(points, settings.lang);
  const rank = new Map(settings.order?.map((code, i) => [code, i]));
  const codes = [...names.keys()].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a.localeCompare(b));
  // A place has its own colour in every chart (place-colors.ts), whatever else is drawn.
  const colours = placeColors(codes);
  const series = codes.flatMap((code) => regionSeries(names.get(code)!, colours.get(code)!, points.filter((p) => p.region_code === code), years));
  const keys = keySeries(text, points.some(isUser));
  const percent = indicator.unit === '%' && !settings.index;
  const axis = valueAxis(points.map((p) => p.value), { percent, log: settings.log === true });
  const labels: EndLabel[] = codes.map((code) => {
    const own = points.filter((p) => p.region_code === code);
    const last = own.reduce((a, b) => (b.year > a.year ? b : a));
    return { code, text: names.get(code)!, color: colours.get(code)!, last: last.value };
  });
  const maxWidth = labelMaxWidth(settings.width);
  const labelSpace = Math.min(maxWidth, Math.max(0, ...labels.map((l) => labelWidth(l.text)))) + LABEL_DASH_OFFSET + 7 + LABEL_DISTANCE + 10;
  const key = keyLegends(keys, settings.width ?? DEFAULT_WIDTH);
  // Below the plot: the years, the axis name, then the key (more rows on a narrow chart).
  const grid = { ...GRID, bottom: key.height + 44, right: labelSpace };
  const plotHeight = (settings.height ?? CHART_HEIGHT) - grid.top - grid.bottom;
  const number = new Intl.NumberFormat(settings.lang === 'zh' ? 'zh-CN' : 'en-GB');
  return {
    animation: settings.animation ?? true,
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT },
    grid,
    legend: key.legends,
    tooltip: { trigger: 'item', confine: true, formatter: trendTooltip(points, indicator, settings) },
    // The axis name sits under the years, not at the axis end, where the lowest line-end label stands.
    xAxis: { type: 'category', data: years, boundaryGap: true, name: text.yearAxis, nameLocation: 'middle', nameGap: 28 },
    yAxis: {
      ...(axis.log ? { type: 'log' as const, logBase: 10 } : { type: 'value' as const, interval: axis.interval }),
      min: axis.min, max: axis.max,
      name: settings.index ? (text.indexAxis ?? '') : unitLabel(indicator.unit, settings.lang), nameTextStyle: { align: 'left' },
      axisLabel: { formatter: (v: number) => (percent ? `${v}%` : number.format(v)) },
    },
    series: [...series, ...(labels.length && years.length ? [endLabelSeries(labels, axis, years.at(-1)!, plotHeight, maxWidth)] : []), ...keys],
  };
}

/** The observation id behind a clicked or hovered point, if the event came from one. */
export function obsIdOf(params: { data?: unknown }): string | null {
  const data = params.data as Partial<PointItem> | null | undefined;
  return data && typeof data.obsId === 'string' ? data.obsId : null;
}
