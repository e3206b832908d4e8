/** Words and labels shared by the Compare charts (ranked bars, dumbbell); the page supplies the words. */
import { NOTE } from './theme.ts';
import type { Approx } from '../core/types.ts';
import type { RankDirection } from '../db/queries/compare.ts';
import { escapeHtml } from './escape-html.ts';
import { formatValue, type Lang } from './format-value.ts';

export interface CompareText {
  /** "灵丘县:第 2 位,共 5 个地区(并列)". */
  rank: (place: string, rank: number, n: number, tied: boolean) => string;
  /** The focal place has no whole-year figure to rank (`range`: the years looked at, e.g. "2024–2026 年"). */
  notRanked: (place: string, range: string) => string;
  /** The years looked at: the year compared ± the tolerance ("2025 年" or "2024–2026 年"). */
  range: (target: number, tolerance: number) => string;
  /** Only one place of the group has a figure in range: no ranking (never "rank 1 of 1"). */
  alone: (place: string, range: string) => string;
  /** A figure of another year than the one compared: "广灵县为 2024 年数字". */
  otherYear: (place: string, year: number) => string;
  /** Joins several `otherYear` items. */
  otherYearsSeparator: string;
  /** A bar's place label with its figure's year when that is not the year compared, the year first (a long name is cut at its end): "2024 年 · 广灵县". */
  valueYear: (place: string, year: number) => string;
  /** What the order means: more is better, less is better, or only size. */
  direction: Record<RankDirection, string>;
  median: (value: string) => string;
  iqr: string;
  approx: Record<Approx, string>;
  derived: string;
  clickForSource: string;
  /** Dumbbell legend entries. */
  yearLabel: (year: number) => string;
  /** The dumbbell's key of marks, as Trends names them (only the marks drawn are listed). */
  keyPartYear: string;
  keyApprox: string;
  keyDerived: string;
  /** Issue 5: the mark of the researcher's own figure ("我的数据"). */
  userMark?: string;
}

/** The printed qualifier of a value, as a short mark: ≥ (at least), ≤ (at most), ≈ (about); derived adds *. */
export function valueMark(f: { approx: Approx; value_kind: string }): { prefix: string; suffix: string } {
  const prefix = f.approx === 'at_least' ? '≥' : f.approx === 'at_most' ? '≤' : f.approx === 'about' ? '≈' : '';
  return { prefix, suffix: f.value_kind === 'derived' ? '*' : '' };
}

/** The value as the chart labels it: "≥95%", "96%*". */
export function markedValue(f: { value: number; unit: string; approx: Approx; value_kind: string }, unit: string, lang: Lang): string {
  const { prefix, suffix } = valueMark(f);
  return `${prefix}${formatValue(f.value, f.unit || unit, lang)}${suffix}`;
}


/** Notes about a figure for a tooltip: its qualifier, derived, how many alternatives. Escaped HTML. */
export function figureNotesHtml(f: { approx: Approx; value_kind: string; flags: readonly string[] }, text: CompareText): string {
  const notes = [f.approx !== 'exact' ? text.approx[f.approx] : '', f.value_kind === 'derived' ? text.derived : '', ...f.flags].filter(Boolean);
  return notes.length ? `<div style="color:${NOTE}">${notes.map(escapeHtml).join(' · ')}</div>` : '';
}

/** Rich-text safe: ECharts rich labels treat `{`, `}` and `|` as markup. */
export const richSafe = (s: string): string => s.replace(/[{}|]/g, (c) => ({ '{': '(', '}': ')', '|': '/' })[c]!);
