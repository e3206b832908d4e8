/**
 * The Data table's quote cell: the figure with some text either side, shown as read (a copy in
 * traditional characters or with pinyin glosses simplified, glosses removed, as the source panel
 * does) with the verbatim text one click away. The toggle never opens the row's source.
 */
import { useState } from 'react';
import { readableParts, readsDifferently } from '../../core/text/readable.ts';
import { figureSpan, type DataRow } from '../../db/queries/data-table.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { quoteExcerpt } from './quote-excerpt.ts';
import '../shared/export/export-words.ts'; // adds the export words this module reads (not in the entry chunk)

export function DataQuote({ row }: { row: DataRow }) {
  const { m } = useI18n();
  const [verbatim, setVerbatim] = useState(false);
  const excerpt = quoteExcerpt(row.quote, figureSpan(row));
  const differs = readsDifferently(row.quote);
  const parts = [{ text: excerpt.before, figure: false }, { text: excerpt.figure, figure: true }, { text: excerpt.after, figure: false }];
  const [before, figure, after] = differs && !verbatim ? readableParts(parts) : parts;
  return (
    <td data-label={m.dataCol.quote} className="data-quote">
      <span lang="zh-CN" data-testid="data-quote" data-reading={differs && !verbatim ? 'read' : 'verbatim'}>
        {excerpt.cutStart && '…'}{before!.text}
        {figure!.text && <mark>{figure!.text}</mark>}
        {after!.text}{excerpt.cutEnd && '…'}
      </span>
      {differs && (
        <button type="button" className="link-button data-quote-toggle" aria-pressed={verbatim} data-testid="data-quote-toggle"
          title={verbatim ? m.exportProvenance.quoteVerbatimNote : m.exportProvenance.quoteReadNote}
          onClick={(event) => { event.stopPropagation(); setVerbatim(!verbatim); }}
          onKeyDown={(event) => event.stopPropagation()}>
          {verbatim ? m.exportProvenance.showReading : m.exportProvenance.showVerbatim}
        </button>
      )}
    </td>
  );
}
