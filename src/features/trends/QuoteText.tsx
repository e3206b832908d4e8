import { splitQuote } from '../../charts/figure-in-quote.ts';

/** The quote as printed, with the figure's printed number(s) marked. */
export function QuoteText({ quote, values }: { quote: string; values: readonly number[] }) {
  return (
    <blockquote className="quote">
      {splitQuote(quote, values).map((part, i) => (part.figure ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </blockquote>
  );
}
