/**
 * The words around an exported chart, for any view: the source line naming the reports and
 * publishers of the rows drawn, the notes on flagged values, the file name and the date.
 * Pure; every word comes from the page's message catalog through `ExportText`.
 */
import { flagCode, flagName } from '../core/catalog/flags.ts';
import { gbt7714, type CitationWords } from '../core/cite/citation.ts';
import type { Approx, SourceKind, ValueKind } from '../core/types.ts';
import type { ReportSource } from '../db/queries/provenance.ts';
import { formatPeriod, type Lang } from './format-value.ts';

export interface ExportText {
  /** Prefix of the source line: "来源:" / "Sources: ". */
  source: string;
  /** A report without a recorded title: "测试县2020年报告"; several years of one place: "测试县2020、2021年报告". */
  reportShort: (region: string, years: readonly number[]) => string;
  /** A recorded title as cited: 《…》 / "…". */
  reportTitle: (title: string) => string;
  /** A publisher's reports: "测试县人民政府:《…》、…" / "测试县人民政府: …". */
  publisherGroup: (publisher: string, reports: string) => string;
  /** Heads the reports whose publisher is not recorded. */
  unknownPublisher: string;
  /** Separators between reports of one publisher and between publishers. */
  listSeparator: string;
  groupSeparator: string;
  /**
   * One note per kind of flagged value; `items` is the list of place-years concerned, `mark` how the
   * chart draws them ('' when it has no mark of its own): a note never names a mark that is not drawn.
   */
  notePartYear: (items: string, mark: string) => string;
  noteApprox: (items: string, mark: string) => string;
  noteDerived: (items: string, mark: string) => string;
  /** The marks' names ("空心符号", "菱形"…); without them the notes name no mark. */
  markWords?: Readonly<Record<MarkStyle, string>>;
  noteConflict: (items: string) => string;
  noteFlag: (code: string, name: string, items: string) => string;
  /** The researcher's own data: which drawn values are the researcher's own, not published data. */
  noteUser?: (items: string) => string;
  /** "…等 12 处" / "… and 12 more". */
  more: (n: number) => string;
  approx: Record<Approx, string>;
  /** "导出日期:2025-06-01". */
  date: (isoDate: string) => string;
  /** The words of a GB/T 7714 citation (what stands for a missing publisher, title or address). */
  citation: CitationWords;
  /** Heads the numbered list of the reports behind the chart: "报告清单(共 5 份):". */
  sourceListHead: (n: number) => string;
  /** Ends a list cut short: "……另 12 份见 CSV". */
  sourceListMore: (n: number) => string;
  /** Names of the kinds of text (source_kind), for subtitles: "法治政府建设年度报告". */
  sourceKinds: Readonly<Record<SourceKind, string>>;
  /** One kind with its count: "12345热线通报 3 份". */
  sourceKindCount: (kind: string, n: number) => string;
}

/** How a chart draws a kind of figure. */
export type MarkStyle = 'hollow' | 'diamond' | 'triangle' | 'lightBar' | 'lightBarStar';

/** Which mark a chart uses for part-year, approximate and derived figures (null: none of its own). */
export interface ChartMarks {
  partYear: MarkStyle | null;
  approx: MarkStyle | null;
  derived: MarkStyle | null;
}

/** Trends and the two-year chart: hollow for part-year, a diamond for approximate, a triangle for derived. */
export const SYMBOL_MARKS: ChartMarks = { partYear: 'hollow', approx: 'diamond', derived: 'triangle' };
/** The ranked bars: a light bar with a dashed outline (and a * after a derived value); part-year is never ranked. */
export const BAR_MARKS: ChartMarks = { partYear: null, approx: 'lightBar', derived: 'lightBarStar' };

/** A source line short enough to read: beyond this, report titles give way to "<place><year>年报告". */
const FULL_TITLES_MAX = 320;
/** At most this many place-years are listed in one note. */
const NOTE_ITEMS_MAX = 12;

/**
 * The reports of the rows drawn, grouped by publisher (unrecorded publishers last); untitled reports of
 * one place share one "<place><years>年报告"; titles give way to that short form when the line grows long.
 */
export function sourceLine(reports: readonly ReportSource[], text: ExportText): string {
  const build = (titles: boolean) => {
    const byPublisher = new Map<string, ReportSource[]>();
    for (const r of reports) byPublisher.set(r.publisher, [...(byPublisher.get(r.publisher) ?? []), r]);
    // Reports whose publisher is not recorded come last, without a publisher label.
    const ordered = [...byPublisher].sort(([a], [b]) => Number(a === '') - Number(b === ''));
    const groups = ordered.map(([publisher, members]) => {
      const names: string[] = [];
      const untitled = new Map<string, number[]>();
      for (const r of members) {
        if (titles && r.title) names.push(text.reportTitle(r.title));
        else untitled.set(r.region_name, [...(untitled.get(r.region_name) ?? []), ...(r.year === null ? [] : [r.year])]);
      }
      for (const [region, years] of untitled) names.push(text.reportShort(region, [...new Set(years)].sort((a, b) => a - b)));
      const list = names.join(text.listSeparator);
      return text.publisherGroup(publisher || text.unknownPublisher, list);
    });
    return text.source + groups.join(text.groupSeparator);
  };
  if (reports.length === 0) return '';
  const full = build(true);
  return full.length <= FULL_TITLES_MAX ? full : build(false);
}

/** At most this many reports are listed one by one in an image (the CSV names every report of every row). */
export const SOURCE_LIST_MAX = 40;

/**
 * The reports behind the chart, numbered, each as a GB/T 7714 citation with its address (a copy's host
 * named as such, a missing title or address said plainly): the image's list of sources.
 */
export function sourceList(reports: readonly ReportSource[], text: ExportText, accessed: string): string[] {
  if (reports.length === 0) return [];
  const listed = reports.slice(0, SOURCE_LIST_MAX).map((r, i) => `${i + 1}. ${gbt7714(r, accessed, text.citation)}`);
  return [text.sourceListHead(reports.length), ...listed, ...(reports.length > SOURCE_LIST_MAX ? [text.sourceListMore(reports.length - SOURCE_LIST_MAX)] : [])];
}

/** The source line and, below it, the numbered list of every report (one line each). */
export function sourceBlock(reports: readonly ReportSource[], text: ExportText, accessed: string): string {
  if (reports.length === 0) return '';
  return [sourceLine(reports, text), ...sourceList(reports, text, accessed)].join('\n');
}

/** What kinds of text the figures come from, most reports first: "法治政府建设年度报告 2 份、12345热线通报 3 份". */
export function sourceKindsText(reports: readonly Pick<ReportSource, 'source_kind'>[], text: ExportText, lang: Lang): string {
  const counts = new Map<string, number>();
  for (const r of reports) counts.set(r.source_kind, (counts.get(r.source_kind) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([kind, n]) => text.sourceKindCount((text.sourceKinds as Record<string, string>)[kind] ?? kind, n))
    .join(lang === 'zh' ? '、' : ', ');
}

/** A drawn value with what makes it need a note. `label` names it for the reader, e.g. "测试县 2023". */
export interface FlaggedRow {
  label: string;
  period: string;
  approx: Approx;
  value_kind: ValueKind;
  flags: readonly string[];
  /** Another source gives a different number for the same place and period. */
  conflict?: boolean;
  /** The researcher's own figure (我的数据), not published data. */
  user?: boolean;
}

const listOf = (items: readonly string[], text: ExportText, lang: Lang): string => {
  const shown = items.slice(0, NOTE_ITEMS_MAX).join(lang === 'zh' ? '、' : ', ');
  return items.length > NOTE_ITEMS_MAX ? `${shown}${text.more(items.length - NOTE_ITEMS_MAX)}` : shown;
};

/**
 * One note per kind of flag among the rows drawn, in a fixed order: part-year, approximate, derived,
 * conflicts, then each flag code. A note names the mark `marks` says the chart draws, and only then.
 */
export function exportNotes(rows: readonly FlaggedRow[], text: ExportText, lang: Lang, marks: ChartMarks = SYMBOL_MARKS): string[] {
  const mark = (style: MarkStyle | null) => (style && text.markWords ? text.markWords[style] : '');
  const paren = (s: string) => (lang === 'zh' ? `(${s})` : ` (${s})`);
  const notes: string[] = [];
  // The user's own values first: the reader must not take them for published figures.
  const user = rows.filter((r) => r.user).map((r) => r.label);
  if (user.length && text.noteUser) notes.push(text.noteUser(listOf(user, text, lang)));
  const partYear = rows.filter((r) => r.period !== 'year').map((r) => r.label + paren(formatPeriod(r.period, lang)));
  if (partYear.length) notes.push(text.notePartYear(listOf(partYear, text, lang), mark(marks.partYear)));
  // A derived figure is drawn with the derived mark (a triangle), so an approximate derived one is listed without the approximate mark.
  const approxRows = rows.filter((r) => r.approx !== 'exact');
  const shownAsDerived = (r: FlaggedRow) => marks.derived === 'triangle' && r.value_kind === 'derived';
  const approxLabel = (r: FlaggedRow) => r.label + paren(text.approx[r.approx]);
  const approxMarked = approxRows.filter((r) => !shownAsDerived(r)).map(approxLabel);
  const approxUnmarked = approxRows.filter(shownAsDerived).map(approxLabel);
  if (approxMarked.length) notes.push(text.noteApprox(listOf(approxMarked, text, lang), mark(marks.approx)));
  if (approxUnmarked.length) notes.push(text.noteApprox(listOf(approxUnmarked, text, lang), ''));
  const derived = rows.filter((r) => r.value_kind === 'derived').map((r) => r.label);
  if (derived.length) notes.push(text.noteDerived(listOf(derived, text, lang), mark(marks.derived)));
  const conflict = rows.filter((r) => r.conflict).map((r) => r.label);
  if (conflict.length) notes.push(text.noteConflict(listOf(conflict, text, lang)));
  const byCode = new Map<string, string[]>();
  for (const r of rows) {
    for (const flag of new Set(r.flags.map(flagCode).filter(Boolean))) byCode.set(flag, [...(byCode.get(flag) ?? []), r.label]);
  }
  for (const [code, labels] of byCode) notes.push(text.noteFlag(code, flagName(code, lang), listOf(labels, text, lang)));
  return notes;
}

/** The local calendar date, YYYY-MM-DD. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * A file name from the title: letters of any script (Chinese included), digits and `-` kept, every
 * other run of characters (spaces, slashes, %, quotes, control characters) becomes one `_`; the date
 * and the extension follow. Never empty, never hidden (no leading dot), at most 80 characters of title.
 */
export function exportFileName(title: string, date: string, extension: 'png' | 'svg' | 'csv'): string {
  const safe = [...title.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}-]+/gu, '_').replace(/^[_-]+|[_-]+$/g, '')].slice(0, 80).join('').replace(/_+$/, '');
  return `${safe || 'chart'}_${date}.${extension}`;
}
