/**
 * Marks a figure inside its quote. Rows carry `quote_start`, so the figure is placed by its span
 * (`figureParts`, `spanInQuote`); without it (older datasets) the printed number is found by value
 * (`splitQuote`): Arabic (with thousands separators, 万/亿) or Chinese numerals.
 */
import { NUMBER_SOURCE, parseNumeral } from '../core/numbers/parse-quantity.ts';

export interface QuotePart {
  text: string;
  /** true for a printed number that is one of the values looked for. */
  figure: boolean;
}

const GROUPED = String.raw`\d{1,3}(?:[,,]\d{3})+(?:\.\d+)?[万亿]?`;
const TOKENS = new RegExp(`${GROUPED}|${NUMBER_SOURCE}`, 'gu');

const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function valueOf(token: string): number | null {
  const parsed = parseNumeral(token.replace(/[,,]/g, ''));
  return parsed ? parsed.value : null;
}

/** Splits the quote around the first printed occurrence of each value (values in the indicator's unit). */
export function splitQuote(quote: string, values: readonly number[]): QuotePart[] {
  const wanted = [...values];
  const parts: QuotePart[] = [];
  let last = 0;
  for (const match of quote.matchAll(TOKENS)) {
    const numeral = match.groups?.num ?? match[0];
    const start = match.index + match[0].indexOf(numeral);
    if (start < last) continue;
    const value = valueOf(numeral);
    const at = value === null ? -1 : wanted.findIndex((w) => same(w, value));
    if (at < 0) continue;
    wanted.splice(at, 1);
    if (start > last) parts.push({ text: quote.slice(last, start), figure: false });
    parts.push({ text: numeral, figure: true });
    last = start + numeral.length;
  }
  if (last < quote.length) parts.push({ text: quote.slice(last), figure: false });
  return parts;
}

/** A range of the quote, as offsets into the quote (not the report body). */
export interface QuoteRange {
  start: number;
  end: number;
}

/**
 * Where a body span sits in its quote: `[span_start - quote_start, span_end - quote_start)`.
 * null when the quote's offset is unknown or the span does not lie (non-empty) inside the quote.
 */
export function spanInQuote(quote: string, quoteStart: number | null | undefined, spanStart: number, spanEnd: number): QuoteRange | null {
  if (quoteStart === null || quoteStart === undefined || !Number.isFinite(quoteStart)) return null;
  const start = spanStart - quoteStart;
  const end = spanEnd - quoteStart;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= quote.length ? { start, end } : null;
}

/** Splits the quote around the given ranges (overlapping or touching ranges are merged); the text stays whole. */
export function markRanges(quote: string, ranges: readonly QuoteRange[]): QuotePart[] {
  const sorted = ranges.filter((r) => r.start >= 0 && r.end > r.start && r.end <= quote.length).sort((a, b) => a.start - b.start);
  const merged: QuoteRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  const parts: QuotePart[] = [];
  let at = 0;
  for (const r of merged) {
    if (r.start > at) parts.push({ text: quote.slice(at, r.start), figure: false });
    parts.push({ text: quote.slice(r.start, r.end), figure: true });
    at = r.end;
  }
  if (at < quote.length) parts.push({ text: quote.slice(at), figure: false });
  return parts;
}

/** A figure to mark: its body span, and the value(s) to look for when the quote's offset is unknown. */
export interface FigureSpans {
  quoteStart: number | null | undefined;
  /** Body spans (the figure's own, and for a derived value its inputs'). */
  spans: readonly { start: number; end: number }[];
  /** Printed values, for the fallback search by value. */
  values: readonly number[];
}

/**
 * The quote with its figure marked exactly where the dataset says it is (`quote_start` and the
 * spans); only when no span can be placed (no `quote_start`, or spans outside the quote) are the
 * printed numbers searched for by value.
 */
export function figureParts(quote: string, figure: FigureSpans): QuotePart[] {
  const ranges = figure.spans
    .map((s) => spanInQuote(quote, figure.quoteStart, s.start, s.end))
    .filter((r): r is QuoteRange => r !== null);
  return ranges.length > 0 ? markRanges(quote, ranges) : splitQuote(quote, figure.values);
}
