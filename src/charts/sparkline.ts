/**
 * A sparkline: one place's figures of one indicator over the years, small and without axes. Pure:
 * points in, option out.
 *
 * - every year of the shared range is a slot, so rows of a profile line up and a missing year is a gap;
 * - each figure is a dot (a single year is a single dot); the latest is larger;
 * - a part-year figure is a hollow dot and is not joined by the line (it is not comparable with whole years);
 * - an approximate or derived figure is a diamond / triangle, as in the trend chart.
 */
import { PEER_DOT, USER_COLOR } from './theme.ts';
import type { Approx, ValueKind } from '../core/types.ts';
import type { EChartsOption, LineSeriesOption, ScatterSeriesOption } from './echarts.ts';
import { symbolOf } from './trend-chart.ts';

export interface SparkPoint {
  year: number;
  value: number;
  period: string;
  approx: Approx;
  value_kind: ValueKind;
  /** 'user': the researcher's own figure (我的数据), a square with a purple outline. */
  origin?: 'shipped' | 'user';
}

export interface SparklineSettings {
  /** First and last year of the slots (shared by every sparkline of a page). Defaults to the points' range. */
  years?: readonly [number, number];
  color?: string;
  animation?: boolean;
}


export function sparklineYears(points: readonly SparkPoint[], range?: readonly [number, number]): number[] {
  if (points.length === 0 && !range) return [];
  const first = Math.min(range?.[0] ?? Infinity, ...points.map((p) => p.year));
  const last = Math.max(range?.[1] ?? -Infinity, ...points.map((p) => p.year));
  const years: number[] = [];
  for (let y = first; y <= last; y += 1) years.push(y);
  return years;
}

export function buildSparklineOption(points: readonly SparkPoint[], settings: SparklineSettings = {}): EChartsOption {
  const color = settings.color ?? PEER_DOT;
  const years = sparklineYears(points, settings.years);
  const byYear = new Map(points.map((p) => [p.year, p]));
  const latest = points.reduce<SparkPoint | null>((a, p) => (a === null || p.year > a.year ? p : a), null);
  const values = points.map((p) => p.value);
  const low = values.length ? Math.min(...values) : 0;
  const high = values.length ? Math.max(...values) : 1;
  const pad = high === low ? Math.max(1, Math.abs(high) * 0.1) : (high - low) * 0.15;

  const line: LineSeriesOption = {
    type: 'line', data: years.map((y) => { const p = byYear.get(y); return p && p.period === 'year' ? p.value : null; }),
    connectNulls: false, symbol: 'none', showSymbol: false, silent: true, z: 2,
    lineStyle: { color, width: 1.5 }, emphasis: { disabled: true },
  };
  const dots: ScatterSeriesOption = {
    type: 'scatter', silent: true, z: 3,
    data: points.map((p) => ({
      value: [String(p.year), p.value],
      symbol: symbolOf(p),
      symbolSize: p === latest ? 7 : 5,
      itemStyle: { color, borderColor: p.origin === 'user' ? USER_COLOR : color, borderWidth: 1.5 },
    })) as unknown as ScatterSeriesOption['data'],
  };
  return {
    animation: settings.animation ?? false,
    grid: { left: 5, right: 5, top: 5, bottom: 5 },
    tooltip: { show: false },
    xAxis: { type: 'category', data: years.map(String), show: false, boundaryGap: true },
    yAxis: { type: 'value', show: false, min: low - pad, max: high + pad, scale: true },
    series: [line, dots],
  };
}
