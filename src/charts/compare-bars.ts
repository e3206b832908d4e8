/**
 * The Compare chart: one indicator, one year, every place of the peer group with a whole-year figure
 * as a horizontal bar, best first. Pure: ranked rows in, option out.
 *
 * Drawn honestly:
 * - the focal place's bar has its own colour and its name is bold;
 * - the peer median (a line) and the interquartile range (a band) only when there are at least
 *   three places (with fewer they mean nothing and are not drawn);
 * - bars start at zero (on the optional log axis for counts, at a power of ten, and the page says so); a rate's axis ends at 100;
 * - a figure of another year than the one compared (within the reader's tolerance) is labelled with its year;
 * - an approximate figure's label carries ≥ / ≤ / ≈, a derived one a *, and its bar is a lighter
 *   fill with a dashed outline;
 * - the title states the focal place's rank ("rank n of N", ties said) and what the order means
 *   (better/worse, or size only when the indicator has no direction).
 */
import { logScaleUsable } from './log-scale.ts';
import { FAINT, FOCUS_OUTLINE, GRID, INK, INK_BODY, MUTED, paleOf, USER_OUTLINE, USER_TEXT } from './theme.ts';
import { comparePlaceColors } from './place-colors.ts';
import './echarts-extras.ts'; // registers the ECharts parts this chart uses (not in the initial bundle)
import type { RankDirection, RankedFigure, Spread } from '../db/queries/compare.ts';
import { CHART_FONT } from './chart-font.ts';
import type { EChartsOption } from './echarts.ts';
import { escapeHtml } from './escape-html.ts';
import { placeLabel, placeLabels } from '../core/regions/place-label.ts';
import { figureNotesHtml, markedValue, richSafe, type CompareText } from './compare-text.ts';
import { formatValue, type Lang } from './format-value.ts';
import { quoteHtml } from './trend-tooltip.ts';

export type { CompareText };

/** Approximate or derived figures: a lighter fill with a dashed outline in the full colour. */
const BAR_ROW = 30;

export interface CompareIndicator {
  name: string;
  unit: string;
}

export interface CompareSettings {
  lang: Lang;
  text: CompareText;
  /** The focal place's code ('' for none). */
  focus: string;
  /** The focal place's name, for the sentence when it has no figure. */
  focusName: string;
  direction: RankDirection;
  /**
   * Chart title, e.g. "12345热线满意率 · 2025 年": with one, the chart carries the title, the rank
   * sentence and what the order means (for exports); '' for the page, which states them in HTML.
   */
  title: string;
  /** Median and quartiles of the ranked values (drawn only when meaningful). */
  spread: Spread | null;
  /**
   * A figure's quote by obs_id for the tooltip (optional), asked when the tooltip opens: the view fetches
   * the drawn bars' quotes after drawing them, and a lookup read then needs no second `setOption`.
   */
  quoteOf?: (obsId: string) => string | undefined;
  /** All ranked places when `ranked` is only the bars drawn (barsToDraw): labels then start with the rank. */
  total?: number;
  /** The year compared and the tolerance: a figure of another year is labelled with its year. */
  target?: number;
  tolerance?: number;
  /** Counts drawn on a logarithmic axis (only when every value is above zero; see `logScaleUsable`). */
  log?: boolean;
  animation?: boolean;
}

/** A bar carries its observation id, read back by the click handler (`obsIdOfBar`). */
interface BarItem {
  value: number;
  obsId: string;
  itemStyle: { color: string; borderColor?: string; borderWidth?: number; borderType?: 'dashed' };
  label?: { fontWeight?: 'bold' };
}

/** What the rank sentence needs to know beyond the ranked figures. */
export interface RankContext {
  /** All ranked places when `ranked` is only the bars drawn (default: `ranked.length`). */
  total?: number;
  /** The year compared and the tolerance (default: the figures' own year, ±0). */
  target?: number;
  tolerance?: number;
  lang?: Lang;
  /** Leave out the sentence about figures of other years (the page shows it on its own line). */
  withoutOtherYears?: boolean;
}

/** "广灵县为 2024 年数字" for every ranked figure of another year than the one compared ('' when none). */
export function otherYearsSentence(ranked: readonly RankedFigure[], target: number, text: CompareText, lang?: Lang): string {
  return ranked.filter((r) => r.year !== target)
    .map((r) => text.otherYear(placeLabel(r, lang ?? 'zh'), r.year))
    .join(text.otherYearsSeparator);
}

/**
 * The sentence about the focal place: its rank among `total`, or that it has none; when only one
 * place has a figure in range, that nothing can be ranked (never "rank 1 of 1"). Figures of another
 * year than the one compared are named with their year ("广灵县为 2024 年数字").
 */
export function rankSentence(ranked: readonly RankedFigure[], focus: string, focusName: string, text: CompareText, context: RankContext = {}): string {
  const total = context.total ?? ranked.length;
  const target = context.target ?? ranked[0]?.year ?? 0;
  const range = text.range(target, context.tolerance ?? 0);
  const mine = ranked.find((r) => r.region_code === focus);
  const nameOf = (f: RankedFigure) => (f.region_code === focus && focusName ? focusName : placeLabel(f, context.lang ?? 'zh'));
  const head = total === 1 && ranked[0] ? text.alone(nameOf(ranked[0]), range)
    : mine ? text.rank(focusName || mine.region_name, mine.rank, total, mine.tied) : text.notRanked(focusName, range);
  const others = context.withoutOtherYears ? '' : otherYearsSentence(ranked, target, text, context.lang);
  return others ? `${head} · ${others}` : head;
}

/** More bars than this are not drawn one per place (a national group has ≈ 2,800; the canvas could not even be that tall). */
export const MAX_BARS = 80;

/**
 * The bars drawn when a group is too large for one bar per place: the first and last `ends`, and
 * `around` on each side of the focal place, in rank order. The ranking, the median and the CSV
 * still cover every place; the chart says how many it shows (labels then carry the rank).
 */
export function barsToDraw<T extends { region_code: string }>(ranked: readonly T[], focus: string, ends = 25, around = 12): T[] {
  if (ranked.length <= MAX_BARS) return [...ranked];
  const at = ranked.findIndex((r) => r.region_code === focus);
  const keep = (i: number) => i < ends || i >= ranked.length - ends || (at >= 0 && Math.abs(i - at) <= around);
  return ranked.filter((_, i) => keep(i));
}

const TITLE_SPACE = 78;

/** Height the chart needs for n bars (axis, and the title when there is one, included). */
export const compareBarsHeight = (n: number, titled = false): number => Math.max(titled ? 220 : 150, (titled ? TITLE_SPACE : 8) + 58 + n * BAR_ROW);

/** One definition of when a log axis may be used, shared with the trend chart (log-scale.ts). */
export { logScaleUsable };

/** Below this share of the longest bar, a bar is too short to read against it. */
export const FLAT_SHARE = 0.05;

/**
 * Whether one large place flattens the others on a linear axis: the largest value and how many
 * bars are shorter than `FLAT_SHARE` of it (none: null). The page says so and offers the log axis.
 */
export function flattenedBars<T extends { value: number }>(figures: readonly T[]): { largest: T; n: number } | null {
  const largest = figures.reduce<T | null>((top, f) => (top === null || f.value > top.value ? f : top), null);
  if (!largest || largest.value <= 0) return null;
  const n = figures.filter((f) => f !== largest && Math.abs(f.value) < largest.value * FLAT_SHARE).length;
  return n > 0 ? { largest, n } : null;
}

const isQualified = (f: RankedFigure): boolean => f.approx !== 'exact' || f.value_kind === 'derived';

/**
 * The key to the median line and the interquartile band, with their values ("中位数 85% · 四分位距
 * 80%–90%"), shown above the chart (and in an export's subtitle) instead of labels inside the plot.
 * Null when the spread is not drawn (fewer than three places).
 */
export function spreadKey(spread: Spread | null, unit: string, lang: Lang, text: CompareText): { median: string; iqr: string } | null {
  if (!spread?.meaningful) return null;
  const fmt = (v: number) => formatValue(v, unit, lang);
  return { median: text.median(fmt(spread.median)), iqr: `${text.iqr} ${fmt(spread.q1)}–${fmt(spread.q3)}` };
}

export function buildCompareBarsOption(ranked: readonly RankedFigure[], indicator: CompareIndicator, settings: CompareSettings): EChartsOption {
  const { text, lang, focus, spread } = settings;
  const names = placeLabels(ranked, lang);
  const windowed = settings.total !== undefined && settings.total > ranked.length;
  const target = settings.target;
  // A figure of another year than the one compared carries its year in its bar's label ("广灵县 · 2024").
  const withYear = (r: RankedFigure, name: string) => (target !== undefined && r.year !== target ? text.valueYear(name, r.year) : name);
  const labels = new Map(ranked.map((r) => [r.region_code, withYear(r, windowed ? `#${r.rank} ${names.get(r.region_code)!}` : names.get(r.region_code)!)]));
  const category = ranked.map((r) => labels.get(r.region_code)!);
  const focusLabel = labels.get(focus);
  const percent = indicator.unit === '%' && ranked.every((r) => r.value >= 0 && r.value <= 100);
  const log = settings.log === true && logScaleUsable(ranked.map((r) => r.value), indicator.unit);
  const fmt = (v: number) => formatValue(v, indicator.unit, lang);

  // Each place in its own colour, the same as in Trends and Profile; the focal place keeps its colour and
  // stands out by a dark outline, a bold name and a bold value.
  const colours = comparePlaceColors(ranked.map((r) => r.region_code), focus);
  const items: BarItem[] = ranked.map((r) => {
    const color = colours.get(r.region_code)!;
    const qualified = isQualified(r);
    const focal = r.region_code === focus;
    return {
      value: r.value,
      obsId: r.obs_id,
      // The researcher's own figure: a dashed purple outline (我的数据), over the qualified look if both apply.
      itemStyle: r.origin === 'user'
        ? { color: qualified ? paleOf(color) : color, ...USER_OUTLINE }
        : qualified ? { color: paleOf(color), borderColor: focal ? FOCUS_OUTLINE : color, borderWidth: focal ? 2 : 1.5, borderType: 'dashed' }
          : focal ? { color, borderColor: FOCUS_OUTLINE, borderWidth: 2 } : { color },
      ...(focal ? { label: { fontWeight: 'bold' } } : {}),
    };
  });
  const byId = new Map(ranked.map((r) => [r.obs_id, r]));

  const meaningful = spread !== null && spread.meaningful;
  const markLine = meaningful ? {
    silent: true, symbol: 'none', animation: false,
    lineStyle: { color: INK, type: 'solid' as const, width: 2 },
    // No label in the plot: on a narrow screen a label on the line or the band runs over a place's
    // name or value whatever its anchor. The key above the chart (`spreadKey`) names both, with values.
    label: { show: false },
    data: [{ xAxis: spread.median, name: text.median(fmt(spread.median)) }],
  } : undefined;
  const markArea = meaningful ? {
    silent: true, animation: false,
    itemStyle: { color: 'rgba(31, 41, 55, 0.08)' },
    label: { show: false },
    data: [[{ xAxis: spread.q1, name: text.iqr }, { xAxis: spread.q3 }]] as [{ xAxis: number; name: string }, { xAxis: number }][],
  } : undefined;

  const focusFigure = ranked.find((r) => r.region_code === focus);
  const context = { total: settings.total, target: settings.target, tolerance: settings.tolerance, lang };
  const key = spreadKey(spread, indicator.unit, lang, text);
  const subtitle = `${rankSentence(ranked, focus, settings.focusName, text, context)}${focusFigure ? ` · ${markedValue(focusFigure, indicator.unit, lang)}` : ''}\n${text.direction[settings.direction]}${key ? `\n${key.median} · ${key.iqr}` : ''}`;

  const titled = settings.title !== '';
  return {
    animation: settings.animation ?? true,
    textStyle: { fontFamily: CHART_FONT },
    ...(titled ? {
      title: {
        text: settings.title, subtext: subtitle, left: 0, top: 0,
        textStyle: { fontSize: 14, fontWeight: 'bold', color: INK },
        subtextStyle: { fontSize: 12, color: INK_BODY, lineHeight: 16 },
      },
    } : {}),
    grid: { left: 8, right: 56, top: titled ? TITLE_SPACE + 8 : 8, bottom: 28, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'item', confine: true,
      formatter: (params: unknown) => {
        const one = (Array.isArray(params) ? params[0] : params) as { data?: { obsId?: string } } | undefined;
        const f = one?.data?.obsId ? byId.get(one.data.obsId) : undefined;
        if (!f) return '';
        const quote = settings.quoteOf?.(f.obs_id);
        return [
          `<div style="max-width:320px;white-space:normal">`,
          f.origin === 'user' && text.userMark ? `<div style="color:${USER_TEXT};font-weight:bold">◇ ${escapeHtml(text.userMark)}</div>` : '',
          `<div><b>${escapeHtml(f.region_name)}</b> · ${escapeHtml(String(f.year))} · #${f.rank}</div>`,
          `<div>${escapeHtml(indicator.name)}: <b>${escapeHtml(markedValue(f, indicator.unit, lang))}</b></div>`,
          target !== undefined && f.year !== target ? `<div style="color:#b45309">${escapeHtml(text.otherYear(f.region_name, f.year))}</div>` : '',
          figureNotesHtml(f, text),
          quote ? `<div style="color:${MUTED};margin-top:4px">“${quoteHtml(quote, f.value)}”</div>` : '',
          `<div style="color:${FAINT};margin-top:4px">${escapeHtml(text.clickForSource)}</div>`,
          `</div>`,
        ].join('');
      },
    },
    xAxis: {
      // On a log axis the bars start at the axis minimum (a power of ten below the smallest value), not at zero.
      ...(log ? { type: 'log' as const, logBase: 10 } : { type: 'value' as const, min: 0, ...(percent ? { max: 100 } : {}) }),
      axisLabel: { hideOverlap: true, formatter: (v: number) => (percent ? `${v}%` : new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { notation: 'compact' }).format(v)) },
      splitLine: { lineStyle: { color: GRID } },
    },
    yAxis: {
      type: 'category', inverse: true, data: category,
      axisTick: { show: false },
      axisLabel: {
        formatter: (value: string) => (value === focusLabel ? `{focus|${richSafe(value)}}` : richSafe(value)),
        rich: { focus: { fontWeight: 'bold', color: FOCUS_OUTLINE } },
        width: 140, overflow: 'truncate',
      },
    },
    series: [{
      type: 'bar', name: indicator.name, data: items as unknown as number[], barMaxWidth: 22, cursor: 'pointer',
      label: {
        show: true, position: 'right', color: INK, fontSize: 12,
        formatter: (p: { data?: unknown }) => {
          const f = byId.get((p.data as BarItem | undefined)?.obsId ?? '');
          return f ? markedValue(f, indicator.unit, lang) : '';
        },
      },
      ...(markLine ? { markLine } : {}),
      ...(markArea ? { markArea } : {}),
    }],
  };
}

/** The observation id behind a clicked bar or point, if the event came from one. */
export function obsIdOfBar(params: { data?: unknown }): string | null {
  const data = params.data as { obsId?: unknown } | null | undefined;
  return data && typeof data.obsId === 'string' ? data.obsId : null;
}
