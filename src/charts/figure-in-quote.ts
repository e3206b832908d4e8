/**
 * Finds the printed numbers of a figure inside its quote, so the quote can be shown with the
 * number marked. The dataset gives the figure's span in the report body, not in the quote, so the
 * number is found by value: Arabic (with thousands separators, 万/亿) or Chinese numerals.
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
