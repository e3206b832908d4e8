import { figureParts } from '../../../charts/figure-in-quote.ts';

interface Props {
  quote: string;
  /** Body offset of the quote; with it the figure is marked exactly at its span(s). */
  quoteStart: number | null | undefined;
  /** Body spans to mark: the figure's own, and for a derived value those of its inputs. */
  spans: readonly { start: number; end: number }[];
  /** Printed values, searched for only when no span can be placed (no quote_start). */
  values: readonly number[];
  testId?: string;
}

/** The quote as printed, with the figure marked (`<mark>`) where the dataset says it is. */
export function QuoteText({ quote, quoteStart, spans, values, testId }: Props) {
  return (
    <blockquote className="quote" data-testid={testId}>
      {figureParts(quote, { quoteStart, spans, values }).map((part, i) => (part.figure ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </blockquote>
  );
}
