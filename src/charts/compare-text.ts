/** Words and labels shared by the Compare charts (ranked bars, dumbbell); the page supplies the words. */
import { NOTE } from './theme.ts';
import type { Approx } from '../core/types.ts';
import type { RankDirection } from '../db/queries/compare.ts';
import { escapeHtml } from './escape-html.ts';
import { formatValue, type Lang } from './format-value.ts';

export interface CompareText {
  /** "灵丘县:第 2 位,共 5 个地区(并列)". */
  rank: (place: string, rank: number, n: number, tied: boolean) => string;
  /** The focal place has no whole-year figure to rank. */
  notRanked: (place: string) => string;
  /** What the order means: more is better, less is better, or only size. */
  direction: Record<RankDirection, string>;
  median: (value: string) => string;
  iqr: string;
  approx: Record<Approx, string>;
  derived: string;
  clickForSource: string;
  /** Dumbbell legend entries. */
  yearLabel: (year: number) => string;
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
