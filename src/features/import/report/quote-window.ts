/**
 * The part of a quote the preview shows: the whole sentence when it is short, else a window around
 * the figure (a report pasted as one huge line has "sentences" of thousands of characters).
 * Offsets stay exact: the window's own body offset is returned with it.
 */
const CONTEXT = 160;

export interface QuoteWindow {
  quote: string;
  quoteStart: number;
  cutBefore: boolean;
  cutAfter: boolean;
}

export function quoteWindow(quote: string, quoteStart: number, spanStart: number, spanEnd: number): QuoteWindow {
  if (quote.length <= 2 * CONTEXT + 80) return { quote, quoteStart, cutBefore: false, cutAfter: false };
  const at = Math.max(0, Math.min(quote.length, spanStart - quoteStart));
  const end = Math.max(at, Math.min(quote.length, spanEnd - quoteStart));
  const from = Math.max(0, at - CONTEXT);
  const to = Math.min(quote.length, end + CONTEXT);
  return { quote: quote.slice(from, to), quoteStart: quoteStart + from, cutBefore: from > 0, cutAfter: to < quote.length };
}
