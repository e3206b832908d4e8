/**
 * The chart as a briefing figure: any view's option, plus a title, a subtitle, a source line, notes
 * on flagged values and the date of export, on white, without animation. Pure: option in, option out,
 * so the same figure is drawn by the page (PNG, canvas) and by Node (SVG tests).
 *
 * Text is wrapped here (`wrapText`, a conservative width estimate) rather than by ECharts, so the
 * height the figure needs is known before it is drawn (`exportLayout`).
 */
import { FAINT, INK_BODY, INK_STRONG, MUTED, NOTE_STRONG } from './theme.ts';
import './echarts-extras.ts'; // registers the ECharts parts this chart uses (not in the initial bundle)
import type { EChartsOption } from './echarts.ts';
import type { Lang } from './format-value.ts';

export interface ExportMeta {
  /** The figure's title; also the file name. */
  title: string;
  /** Indicator and unit (and what is drawn). */
  subtitle: string;
  /** The reports and publishers of the rows drawn, as printed ("来源:…"). */
  sourceLine: string;
  /** One printed line (or paragraph) per kind of flagged value: part-year, approximate, derived, rate_mismatch… */
  notes: readonly string[];
  /** The export date as printed, e.g. "导出日期:2025-06-01". */
  date: string;
  lang: Lang;
}

export interface ExportSize {
  /** CSS pixels; the PNG is drawn at pixelRatio 2. */
  width: number;
  /** Height of the chart itself (legend, plot, axes), as on screen. */
  chartHeight: number;
}

export const DEFAULT_EXPORT_SIZE: ExportSize = { width: 1000, chartHeight: 440 };

const PAD = 24;
const TITLE = { fontSize: 20, lineHeight: 28 } as const;
const SUBTITLE = { fontSize: 13, lineHeight: 20 } as const;
const FOOT = { fontSize: 12, lineHeight: 18 } as const;
const GAP = 8;
const FONT = "system-ui, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

/** Width of one character in em, erring wide so a pre-wrapped line never overflows. */
function charEm(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x2e80 || (code >= 0x1100 && code <= 0x11ff)) return 1;
  if (ch === ' ') return 0.32;
  if (/[il.,:;'!|]/.test(ch)) return 0.35;
  if (/[A-Z@%&#WMmw]/.test(ch)) return 0.8;
  return 0.62;
}

export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontSize;
}

/** Punctuation that may not start a line (it stays at the end of the line before). */
const NO_LINE_START = /^[,。、;:?!)》」』”’.,;:?!)\]%]/u;
/** Punctuation that may not end a line (it moves to the start of the next). */
const NO_LINE_END = /[(《「『“‘([]$/u;

/**
 * Breaks text into lines no wider than `maxWidth`: at spaces where there are any (English), else between
 * any two characters (Chinese), never putting closing punctuation at the start of a line. Keeps '\n'.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    // Tokens: a run of Latin letters/digits with its trailing space, or one other character.
    const tokens = paragraph.match(/[A-Za-z0-9\u00c0-\u024f'’\-_./:]+ ?|[^A-Za-z0-9\u00c0-\u024f]/gu) ?? [];
    let line = '';
    for (const token of tokens) {
      const candidate = line + token;
      if (line === '' || textWidth(candidate.trimEnd(), fontSize) <= maxWidth || NO_LINE_START.test(token)) {
        line = candidate;
        continue;
      }
      // An opening bracket or quote does not end a line: it moves down with what it opens.
      const opening = NO_LINE_END.exec(line.trimEnd());
      const carried = opening ? opening[0] : '';
      lines.push(line.trimEnd().slice(0, line.trimEnd().length - carried.length));
      line = carried + token.trimStart();
      // A single token longer than a line (a long URL or word) is cut.
      while (textWidth(line, fontSize) > maxWidth && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && textWidth(line.slice(0, cut), fontSize) > maxWidth) cut -= 1;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

type Component = Record<string, unknown>;

/**
 * ECharts' SVG renderer writes `font-family` into a double-quoted style attribute without escaping,
 * so a family list quoted with `"` makes the SVG ill-formed: every fontFamily is re-quoted with `'`.
 * Copies plain objects and arrays; functions (formatters) and other values are kept as they are.
 */
export function singleQuoteFonts<T>(value: T): T {
  if (Array.isArray(value)) return value.map(singleQuoteFonts) as T;
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = key === 'fontFamily' && typeof item === 'string' ? item.replace(/"/g, "'") : singleQuoteFonts(item);
  }
  return out as T;
}
const asList = (value: unknown): Component[] => (Array.isArray(value) ? value : value ? [value] : []) as Component[];

/** Extra height a scrolling top legend needs when it is laid out in full (a printed figure cannot scroll). */
function legendGrowth(option: EChartsOption, width: number): number {
  let grow = 0;
  for (const legend of asList(option.legend)) {
    if (legend.type !== 'scroll' || legend.bottom !== undefined || legend.orient === 'vertical') continue;
    const names = asList(legend.data).map((d) => (typeof d === 'string' ? d : String((d as { name?: unknown }).name ?? '')));
    const available = width - 2 * PAD - (typeof legend.left === 'number' ? legend.left : 0) - (typeof legend.right === 'number' ? legend.right : 0);
    let rows = 1;
    let x = 0;
    for (const name of names) {
      const item = 25 + 5 + textWidth(name, 12) + 10;
      if (x > 0 && x + item > available) { rows += 1; x = 0; }
      x += item;
    }
    grow = Math.max(grow, (rows - 1) * 24);
  }
  return grow;
}

export interface ExportLayout {
  width: number;
  height: number;
  /** Height above the chart (title block) and below it (source, notes, date). */
  header: number;
  footer: number;
  /** Added to the chart's own top space for a legend printed in full. */
  legendGrowth: number;
  lines: { title: string[]; subtitle: string[]; source: string[]; notes: string[]; date: string[] };
}

export function exportLayout(chartOption: EChartsOption, meta: ExportMeta, size: ExportSize = DEFAULT_EXPORT_SIZE): ExportLayout {
  const inner = size.width - 2 * PAD;
  const wrap = (text: string, style: { fontSize: number }) => (text.trim() ? wrapText(text.trim(), inner, style.fontSize) : []);
  const lines = {
    title: wrap(meta.title, TITLE),
    subtitle: wrap(meta.subtitle, SUBTITLE),
    source: wrap(meta.sourceLine, FOOT),
    notes: meta.notes.flatMap((note) => wrap(note, FOOT)),
    date: wrap(meta.date, FOOT),
  };
  const header = PAD + lines.title.length * TITLE.lineHeight + (lines.subtitle.length ? 4 + lines.subtitle.length * SUBTITLE.lineHeight : 0) + 12;
  const footLines = lines.source.length + lines.notes.length + lines.date.length;
  const blocks = [lines.source, lines.notes, lines.date].filter((l) => l.length > 0).length;
  const footer = 12 + footLines * FOOT.lineHeight + Math.max(0, blocks - 1) * GAP + PAD;
  const growth = legendGrowth(chartOption, size.width);
  return { width: size.width, height: Math.ceil(header + growth + size.chartHeight + footer), header, footer, legendGrowth: growth, lines };
}

/**
 * Moves a component's numeric position by the header/footer/side margins. A grid's unset top and bottom
 * are ECharts' defaults (60); any other component without a vertical position sits at the top.
 */
function shift(component: Component, by: { top: number; bottom: number; side: number }, kind: 'grid' | 'box' = 'box'): Component {
  const out: Component = { ...component };
  let { top, bottom } = component;
  if (kind === 'grid') {
    top ??= 60;
    if (component.height === undefined) bottom ??= 60;
  } else if (top === undefined && bottom === undefined) {
    top = 0;
  }
  if (typeof top === 'number') out.top = top + by.top;
  if (typeof bottom === 'number') out.bottom = bottom + by.bottom;
  if (typeof component.left === 'number') out.left = component.left + by.side;
  if (typeof component.right === 'number') out.right = component.right + by.side;
  return out;
}

const footText = (text: string[], bottom: number, color: string) => ({
  text: text.join('\n'), left: PAD, bottom, padding: 0, itemGap: 0,
  textStyle: { fontSize: FOOT.fontSize, lineHeight: FOOT.lineHeight, fontWeight: 'normal' as const, color, fontFamily: FONT },
});

/**
 * The option drawn into an exported file: the chart moved down and in to make room for the title block
 * above and the source, notes and date below; white background; no animation, tooltip or scrolling.
 * Draw it at `exportLayout(...).width × height`.
 */
export function buildExportOption(chartOption: EChartsOption, meta: ExportMeta, size: ExportSize = DEFAULT_EXPORT_SIZE): EChartsOption {
  const layout = exportLayout(chartOption, meta, size);
  const { lines } = layout;
  const top = layout.header;
  const by = { top, bottom: layout.footer, side: PAD };
  const font = ((chartOption.textStyle as { fontFamily?: string } | undefined)?.fontFamily ?? FONT).replace(/"/g, "'");

  const legends = asList(chartOption.legend).map((legend) => {
    const moved = shift(legend, by);
    return legend.type === 'scroll' ? { ...moved, type: 'plain' } : moved;
  });
  const grids = asList(chartOption.grid ?? {}).map((grid) => {
    const moved = shift(grid, by, 'grid');
    if (typeof moved.top === 'number') moved.top += layout.legendGrowth;
    return moved;
  });
  const movable = (key: string) => asList((chartOption as Record<string, unknown>)[key]).map((c) => shift(c, by));

  const dateBottom = PAD;
  const notesBottom = dateBottom + (lines.date.length ? lines.date.length * FOOT.lineHeight + GAP : 0);
  const sourceBottom = notesBottom + (lines.notes.length ? lines.notes.length * FOOT.lineHeight + GAP : 0);
  const titles = [
    {
      text: lines.title.join('\n'), subtext: lines.subtitle.join('\n'), left: PAD, top: PAD, padding: 0, itemGap: 4,
      textStyle: { fontSize: TITLE.fontSize, lineHeight: TITLE.lineHeight, fontWeight: 'bold' as const, color: INK_STRONG, fontFamily: font },
      subtextStyle: { fontSize: SUBTITLE.fontSize, lineHeight: SUBTITLE.lineHeight, color: MUTED, fontFamily: font },
    },
    ...(lines.source.length ? [footText(lines.source, sourceBottom, INK_BODY)] : []),
    ...(lines.notes.length ? [footText(lines.notes, notesBottom, NOTE_STRONG)] : []),
    ...(lines.date.length ? [footText(lines.date, dateBottom, FAINT)] : []),
  ].map((t) => ({ ...t, textStyle: { ...t.textStyle, fontFamily: font } }));

  const series = asList(chartOption.series).map((s) => ({ ...s, animation: false }));
  const rest: Record<string, unknown> = { ...chartOption };
  for (const key of ['tooltip', 'toolbox', 'axisPointer', 'brush']) delete rest[key];
  return singleQuoteFonts({
    ...rest,
    animation: false,
    backgroundColor: '#fff',
    title: [...movable('title'), ...titles],
    legend: legends,
    grid: grids,
    ...('visualMap' in chartOption ? { visualMap: movable('visualMap') } : {}),
    ...('dataZoom' in chartOption ? { dataZoom: movable('dataZoom') } : {}),
    series,
  }) as EChartsOption;
}
