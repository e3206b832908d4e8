import { useState } from 'react';
import { figureParts } from '../../../charts/figure-in-quote.ts';
import { readableParts, readsDifferently } from '../../../core/text/readable.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { sentenceGap } from '../../../core/text/join-sentences.ts';
import '../export/export-words.ts'; // adds the export words this module reads (not in the entry chunk)

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

/**
 * The quote with the figure marked (`<mark>`) where the dataset says it is. A quote from a copy in
 * traditional characters or with pinyin glosses (`熱線平臺(tái)`) is shown as read (simplified, glosses
 * removed), with the verbatim text one click away; the marks are placed on the verbatim text first, so
 * the spans keep pointing into the body as printed.
 */
export function QuoteText({ quote, quoteStart, spans, values, testId }: Props) {
  const { lang, m } = useI18n();
  const [verbatim, setVerbatim] = useState(false);
  const parts = figureParts(quote, { quoteStart, spans, values });
  const differs = readsDifferently(quote);
  const shown = differs && !verbatim ? readableParts(parts) : parts;
  return (
    <>
      <blockquote className="quote" data-testid={testId} data-reading={differs ? (verbatim ? 'verbatim' : 'read') : 'verbatim'} lang="zh">
        {shown.map((part, i) => (part.figure ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
      </blockquote>
      {differs && (
        <p className="note quote-reading">
          {verbatim ? m.exportProvenance.quoteVerbatimNote : m.exportProvenance.quoteReadNote}{sentenceGap(lang)}
          <button type="button" className="link-button" aria-pressed={verbatim} data-testid={testId ? `${testId}-toggle` : undefined}
            onClick={() => setVerbatim(!verbatim)}>
            {verbatim ? m.exportProvenance.showReading : m.exportProvenance.showVerbatim}
          </button>
        </p>
      )}
    </>
  );
}

