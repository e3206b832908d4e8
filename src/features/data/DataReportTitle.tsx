/**
 * The Data table's report title: a title printed in traditional characters (a copy such as
 * 井研縣…報告) is shown as read, simplified like the quotes, with the verbatim title one click away.
 * The toggle never opens the row's source.
 */
import { useState } from 'react';
import { readable, readsDifferently } from '../../core/text/readable.ts';
import { useI18n } from '../i18n/i18n.tsx';
import '../shared/export/export-words.ts'; // adds the export words this module reads (not in the entry chunk)

export function DataReportTitle({ title, untitled }: { title: string; untitled: string }) {
  const { m } = useI18n();
  const [verbatim, setVerbatim] = useState(false);
  if (!title) return <span className="data-report-title">{untitled}</span>;
  const differs = readsDifferently(title);
  const reading = differs && !verbatim;
  return (
    <>
      {/* A report's own title is a Chinese name: marked so (screen readers, the English page's language check). */}
      <span className="data-report-title" lang="zh-CN" data-testid="data-report-title" data-reading={reading ? 'read' : 'verbatim'}>
        {reading ? readable(title) : title}
      </span>
      {differs && (
        <button type="button" className="link-button data-quote-toggle" aria-pressed={verbatim} data-testid="data-title-toggle"
          title={verbatim ? m.exportProvenance.quoteVerbatimNote : m.dataTitleReadNote}
          onClick={(event) => { event.stopPropagation(); setVerbatim(!verbatim); }}
          onKeyDown={(event) => event.stopPropagation()}>
          {verbatim ? m.dataTitleReading : m.dataTitleVerbatim}
        </button>
      )}
    </>
  );
}
