/**
 * The two-year (dumbbell) chart: for each place with a whole-year figure in both years, a light dot
 * at the earlier year's value, a dark one at the later, joined by a segment. Places are ordered by
 * the later value (best first, as the bars). The focal place is drawn in its own colour.
 *
 * Figures are marked as Trends marks them: a derived figure is a triangle, an approximate
 * one a diamond, a part-year one hollow, and a segment touching one of them is dashed; a key names
 * only the marks drawn. The researcher's own figure has a dashed purple outline and says so in the
 * tooltip, as in the ranked bars. Pure: pairs in, option out.
 */
import { FAINT, FOCUS_OUTLINE, GRID, INK, MUTED, USER_OUTLINE, USER_TEXT, paleOf } from './theme.ts';
import { comparePlaceColors } from './place-colors.ts';
import './echarts-extras.ts'; // registers the ECharts parts this chart uses (not in the initial bundle)
import type { RankDirection, YearPair } from '../db/queries/compare.ts';
import { CHART_FONT } from './chart-font.ts';
import type { EChartsOption, ScatterSeriesOption } from './echarts.ts';
import { escapeHtml } from './escape-html.ts';
import { obsIdOfBar } from './compare-bars.ts';
import { placeLabels } from '../core/regions/place-label.ts';
import { figureNotesHtml, markedValue, richSafe, type CompareText } from './compare-text.ts';
import { formatValue, type Lang } from './format-value.ts';
import { symbolOf } from './trend-chart.ts';

export { obsIdOfBar as obsIdOfDot };

/** The year key's dots: neutral, since every place has its own colour (the earlier year lighter, as the places' dots are). */
const KEY_LATER = MUTED;
const ROW = 28;

export interface DumbbellSettings {
  lang: Lang;
  text: CompareText;
  focus: string;
  direction: RankDirection;
  fromYear: number;
  toYear: number;
  /** '' for the page (which heads the chart in HTML); a title for exports. */
  title: string;
  animation?: boolean;
}

interface DotItem {
  value: [number, string];
  obsId: string;
  symbol: string;
  itemStyle: { color: string; borderColor: string; borderWidth: number; borderType?: 'dashed' };
  symbolSize: number;
}

type Figure = YearPair['from'];
const isPlain = (f: Figure): boolean => f.period === 'year' && f.approx === 'exact' && f.value_kind === 'reported';

/** The marks drawn among the pairs, for the key and the export notes (only these may be named). */
export function dumbbellMarks(pairs: readonly YearPair[]): { partYear: boolean; approx: boolean; derived: boolean } {
  const figures = pairs.flatMap((p) => [p.from, p.to]);
  return {
    partYear: figures.some((f) => f.period !== 'year'),
    approx: figures.some((f) => f.approx !== 'exact' && f.value_kind !== 'derived'),
    derived: figures.some((f) => f.value_kind === 'derived'),
  };
}

export const dumbbellHeight = (n: number, titled = false): number => Math.max(150, (titled ? 60 : 36) + 36 + n * ROW);

/** Pairs in display order: by the later value, best first (largest first unless less is better). */
export function orderPairs(pairs: readonly YearPair[], direction: RankDirection): YearPair[] {
  const sign = direction === 'lower' ? 1 : -1;
  return [...pairs].sort((a, b) => sign * (a.to.value - b.to.value) || a.region_code.localeCompare(b.region_code));
}

export function buildDumbbellOption(pairs: readonly YearPair[], indicator: { name: string; unit: string }, settings: DumbbellSettings): EChartsOption {
  const { lang, text, focus } = settings;
  const ordered = orderPairs(pairs, settings.direction);
  const labels = placeLabels(ordered.map((p) => p.to), lang);
  const category = ordered.map((p) => labels.get(p.region_code)!);
  const focusLabel = labels.get(focus);
  // Each place in its own colour (as in Trends and the bars); the earlier year's dot is the same hue, lighter.
  const colours = comparePlaceColors(ordered.map((p) => p.region_code), focus);
  const colorOf = (code: string) => colours.get(code)!;
  const percent = indicator.unit === '%' && ordered.every((p) => p.from.value <= 100 && p.to.value <= 100 && p.from.value >= 0 && p.to.value >= 0);
  const byId = new Map(ordered.flatMap((p) => [[p.from.obs_id, p], [p.to.obs_id, p]] as const));

  const dots = (which: 'from' | 'to'): DotItem[] => ordered.map((p) => {
    const full = colorOf(p.region_code);
    const color = which === 'from' ? paleOf(full) : full;
    const f = p[which];
    return {
      value: [f.value, labels.get(p.region_code)!], obsId: f.obs_id, symbol: symbolOf(f),
      // A hollow symbol (part-year) is drawn by its outline; the fill is only for the others. The
      // researcher's own figure: a dashed purple outline (我的数据), over the focal outline if both apply.
      itemStyle: f.origin === 'user'
        ? { color, ...USER_OUTLINE }
        : { color, borderColor: p.region_code === focus ? FOCUS_OUTLINE : color, borderWidth: 2 },
      symbolSize: p.region_code === focus ? 14 : 10,
    };
  });
  const segments = ordered.map((p) => [
    {
      coord: [p.from.value, labels.get(p.region_code)!],
      lineStyle: { color: colorOf(p.region_code), width: p.region_code === focus ? 3 : 2, type: isPlain(p.from) && isPlain(p.to) ? 'solid' : 'dashed' },
    },
    { coord: [p.to.value, labels.get(p.region_code)!] },
  ]);
  const drawn = dumbbellMarks(ordered);
  const keyDot = (name: string, symbol: string): ScatterSeriesOption => ({ type: 'scatter', name, symbol, data: [], itemStyle: { color: FAINT, borderColor: FAINT, borderWidth: 2 } });
  const keys = [
    ...(drawn.partYear ? [keyDot(text.keyPartYear, 'emptyCircle')] : []),
    ...(drawn.approx ? [keyDot(text.keyApprox, 'diamond')] : []),
    ...(drawn.derived ? [keyDot(text.keyDerived, 'triangle')] : []),
  ];

  const series = (which: 'from' | 'to'): ScatterSeriesOption => ({
    type: 'scatter', name: text.yearLabel(which === 'from' ? settings.fromYear : settings.toYear),
    data: dots(which) as unknown as ScatterSeriesOption['data'], z: 4, cursor: 'pointer',
    itemStyle: which === 'from' ? { color: paleOf(KEY_LATER) } : { color: KEY_LATER },
    symbol: 'circle',
    ...(which === 'from' ? {
      markLine: { silent: true, symbol: 'none', animation: false, label: { show: false }, lineStyle: { type: 'solid', color: KEY_LATER, width: 2 }, data: segments as never },
    } : {}),
  });

  return {
    animation: settings.animation ?? true,
    textStyle: { fontFamily: CHART_FONT },
    ...(settings.title ? { title: { text: settings.title, left: 0, top: 0, textStyle: { fontSize: 14, fontWeight: 'bold', color: INK } } } : {}),
    legend: {
      top: settings.title ? 24 : 0, left: 0, selectedMode: false,
      data: [text.yearLabel(settings.fromYear), text.yearLabel(settings.toYear), ...keys.map((k) => k.name as string)],
    },
    grid: { left: 8, right: 24, top: settings.title ? 60 : 36, bottom: 28, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'item', confine: true,
      formatter: (params: unknown) => {
        const one = (Array.isArray(params) ? params[0] : params) as { data?: { obsId?: string } } | undefined;
        const pair = one?.data?.obsId ? byId.get(one.data.obsId) : undefined;
        if (!pair) return '';
        const delta = pair.to.value - pair.from.value;
        const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
        const userMark = (f: Figure) => (f.origin === 'user' && text.userMark ? ` <b style="color:${USER_TEXT}">◇ ${escapeHtml(text.userMark)}</b>` : '');
        return [
          `<div><b>${escapeHtml(pair.to.region_name)}</b></div>`,
          `<div>${escapeHtml(String(pair.from.year))}: ${escapeHtml(markedValue(pair.from, indicator.unit, lang))}${userMark(pair.from)}</div>`,
          figureNotesHtml(pair.from, text),
          `<div>${escapeHtml(String(pair.to.year))}: ${escapeHtml(markedValue(pair.to, indicator.unit, lang))}${userMark(pair.to)}</div>`,
          figureNotesHtml(pair.to, text),
          `<div>${sign}${escapeHtml(formatValue(Math.abs(delta), indicator.unit === '%' ? '' : indicator.unit, lang))}${indicator.unit === '%' ? (lang === 'zh' ? ' 个百分点' : ' pp') : ''}</div>`,
          `<div style="color:${FAINT};margin-top:4px">${escapeHtml(text.clickForSource)}</div>`,
        ].join('');
      },
    },
    xAxis: {
      type: 'value', scale: true, ...(percent ? { max: 100 } : {}),
      // On a phone the plot is narrow: ticks every 10% ran together ("50%60%70%"). The padding makes
      // touching labels count as overlapping, so ECharts hides every other one.
      axisLabel: { hideOverlap: true, padding: [0, 4], formatter: (v: number) => (percent ? `${v}%` : new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { notation: 'compact' }).format(v)) },
      splitLine: { lineStyle: { color: GRID } },
    },
    yAxis: {
      type: 'category', inverse: true, data: category, axisTick: { show: false },
      axisLabel: {
        formatter: (value: string) => (value === focusLabel ? `{focus|${richSafe(value)}}` : richSafe(value)),
        rich: { focus: { fontWeight: 'bold', color: FOCUS_OUTLINE } },
        width: 140, overflow: 'truncate',
      },
    },
    series: [series('from'), series('to'), ...keys],
  };
}
