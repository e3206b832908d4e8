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
import { FAINT, MUTED, PALETTE, USER_COLOR } from './theme.ts';
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
  /** Region codes in the order legend entries and colours are assigned; places not listed follow by code. */
  order?: readonly string[];
}

const KEY_COLOR = FAINT;
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


function yearRange(points: readonly TrendPoint[]): string[] {
  if (points.length === 0) return [];
  const years = points.map((p) => p.year);
  const years_: string[] = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y += 1) years_.push(String(y));
  return years_;
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
    itemStyle: { color, borderColor: USER_COLOR, borderWidth: 2, borderType: 'dashed' },
  } : {
    value: [String(p.year), p.value], obsId: p.obs_id, symbol: symbolOf(p),
    itemStyle: { color, borderColor: color, borderWidth: 2 },
  }));
  const scatter: ScatterSeriesOption = { type: 'scatter', name, data: items as unknown as ScatterSeriesOption['data'], symbolSize: 10, z: 4, itemStyle: { color }, cursor: 'pointer' };
  const [solid0, dashed0] = lines(0);
  const second = runs.length > 1 ? lines(1) : null;
  return [line(solid0, 'solid', 3), line(dashed0, 'dashed', 2), scatter, ...(second ? [line(second[0], 'solid', 3), line(second[1], 'dashed', 2)] : [])];
}

/**
 * Rates stay within 0–100: the axis ends at 100 and starts a little below the lowest value, on a
 * round step (1, 2, 5, 10 or 20 points) that gives at most six intervals, so the ticks are even.
 */
export function percentAxis(points: readonly TrendPoint[]): { min?: number; max?: number; interval?: number } {
  if (points.length === 0 || points.some((p) => p.value > 100 || p.value < 0)) return {};
  const lowest = Math.min(...points.map((p) => p.value));
  for (const step of [1, 2, 5, 10, 20]) {
    const min = Math.max(0, Math.floor((lowest - step / 2) / step) * step);
    if ((100 - min) / step <= 6) return { min, max: 100, interval: step };
  }
  return { min: 0, max: 100, interval: 20 };
}

/** The encoding key: four symbols, the dashed line, and (when any point is the user's) the user's mark last. */
function keySeries(text: TrendText, withUser: boolean): (LineSeriesOption | ScatterSeriesOption)[] {
  const dot = (name: string, symbol: string): ScatterSeriesOption => ({ type: 'scatter', name, symbol, data: [], itemStyle: { color: KEY_COLOR, borderColor: KEY_COLOR, borderWidth: 2 } });
  return [
    dot(text.keyPlain, 'circle'),
    dot(text.keyPartYear, 'emptyCircle'),
    dot(text.keyApprox, 'diamond'),
    dot(text.keyDerived, 'triangle'),
    { type: 'line', name: text.keyDashed, data: [], symbol: 'none', lineStyle: { color: KEY_COLOR, type: 'dashed', width: 2 }, itemStyle: { color: KEY_COLOR } },
    ...(withUser && text.keyUser ? [{
      type: 'scatter', name: text.keyUser, symbol: 'rect', data: [],
      itemStyle: { color: KEY_COLOR, borderColor: USER_COLOR, borderWidth: 2, borderType: 'dashed' },
    } satisfies ScatterSeriesOption] : []),
  ];
}

export function buildTrendOption(points: readonly TrendPoint[], indicator: TrendIndicator, settings: TrendSettings): EChartsOption {
  const { text } = settings;
  const years = yearRange(points);
  const names = placeLabels(points, settings.lang);
  const rank = new Map(settings.order?.map((code, i) => [code, i]));
  const codes = [...names.keys()].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a.localeCompare(b));
  // A place keeps its colour while others come and go: the colour follows its rank in `order`.
  const colorOf = (code: string, i: number) => PALETTE[(rank.get(code) ?? (rank.size + i)) % PALETTE.length]!;
  const series = codes.flatMap((code, i) => regionSeries(names.get(code)!, colorOf(code, i), points.filter((p) => p.region_code === code), years));
  const keys = keySeries(text, points.some(isUser));
  const percent = indicator.unit === '%';
  const key = { selectedMode: false, left: 0, textStyle: { color: MUTED, fontSize: 11 } } as const;
  return {
    animation: settings.animation ?? true,
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 56, right: 40, top: 56, bottom: 96 },
    legend: [
      { type: 'scroll', top: 0, left: 0, right: 0, data: codes.map((c) => names.get(c)!) },
      // The encoding key: symbols in square boxes (undistorted), the dashed line on its own row without a dot.
      { ...key, bottom: 22, itemWidth: 12, itemHeight: 12, data: [...keys.slice(0, 4), ...keys.slice(5)].map((s) => s.name as string) },
      { ...key, bottom: 0, itemWidth: 28, itemHeight: 10, data: [{ name: keys[4]!.name as string, itemStyle: { opacity: 0 } }] },
    ],
    tooltip: { trigger: 'item', confine: true, formatter: trendTooltip(points, indicator, settings) },
    xAxis: { type: 'category', data: years, boundaryGap: true, name: text.yearAxis, nameLocation: 'end' },
    yAxis: {
      type: 'value', name: unitLabel(indicator.unit, settings.lang), nameTextStyle: { align: 'left' },
      ...(percent ? percentAxis(points) : { min: 0 }),
      axisLabel: { formatter: (v: number) => (percent ? `${v}%` : new Intl.NumberFormat(settings.lang === 'zh' ? 'zh-CN' : 'en-GB').format(v)) },
    },
    series: [...series, ...keys],
  };
}

/** The observation id behind a clicked or hovered point, if the event came from one. */
export function obsIdOf(params: { data?: unknown }): string | null {
  const data = params.data as Partial<PointItem> | null | undefined;
  return data && typeof data.obsId === 'string' ? data.obsId : null;
}
