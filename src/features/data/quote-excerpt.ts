/**
 * A quote cut down for a table cell: the figure (located by its span, `span_start - quote_start`)
 * with some text either side, ellipses where text was cut. Offsets are UTF-16 code units, as the
 * dataset's spans are; a cut never splits a surrogate pair.
 */
export interface QuoteExcerpt {
  before: string;
  figure: string;
  after: string;
  /** Text was left out before / after. */
  cutStart: boolean;
  cutEnd: boolean;
}

const isLowSurrogate = (text: string, at: number): boolean => {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
};

/** Moves a cut off the second half of a surrogate pair (towards keeping the character). */
function safeCut(text: string, at: number, direction: -1 | 1): number {
  const clamped = Math.max(0, Math.min(text.length, at));
  return clamped > 0 && clamped < text.length && isLowSurrogate(text, clamped) ? clamped + direction : clamped;
}

export function quoteExcerpt(quote: string, span: { start: number; end: number } | null, context = 40): QuoteExcerpt {
  if (!span) {
    const end = safeCut(quote, context * 2, 1);
    return { before: quote.slice(0, end), figure: '', after: '', cutStart: false, cutEnd: end < quote.length };
  }
  const from = safeCut(quote, span.start - context, -1);
  const to = safeCut(quote, span.end + context, 1);
  return {
    before: quote.slice(from, span.start),
    figure: quote.slice(span.start, span.end),
    after: quote.slice(span.end, to),
    cutStart: from > 0,
    cutEnd: to < quote.length,
  };
}
