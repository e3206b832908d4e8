/**
 * A row's "copy citation": the row's report as a GB/T 7714 entry (src/core/cite/citation.ts, as the
 * source panel copies it), put on the clipboard without opening the row. Where the browser refuses
 * the clipboard, the citation is shown in a selected field for Ctrl+C instead.
 */
import { useEffect, useRef, useState } from 'react';
import { citedOn, gbt7714 } from '../../core/cite/citation.ts';
import type { DataRow } from '../../db/queries/data-table.ts';
import { useI18n } from '../i18n/i18n.tsx';
import '../shared/export/export-words.ts'; // adds the export words this module reads (not in the entry chunk)

const SHOWN_MS = 2000;

export function CopyRowCitation({ row }: { row: DataRow }) {
  const { m } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const field = useRef<HTMLInputElement>(null);
  const citation = () => gbt7714({
    title: row.report_title, publisher: row.publisher, url: row.url, published: row.published, region_name: row.region_name, year: row.report_year,
  }, citedOn(new Date()), m.exportText.citation);

  useEffect(() => {
    if (state === 'copied') {
      const timer = setTimeout(() => setState('idle'), SHOWN_MS);
      return () => clearTimeout(timer);
    }
    if (state === 'manual') field.current?.select();
    return undefined;
  }, [state]);

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(citation());
      setState('copied');
    } catch {
      setState('manual');
    }
  };
  // A user table's row has no report to cite (its "quote" is the row itself).
  if (!row.report_id || (row.origin === 'user' && (row.source_row !== null || row.source_column !== ''))) return null;
  return (
    <span className="data-cite" onClick={(event) => event.stopPropagation()} onKeyDown={(event) => event.stopPropagation()}>
      <button type="button" className="link-button data-cite-button" data-testid="data-copy-citation" title={m.exportProvenance.copyCitationTitle}
        onClick={() => void copy()}>
        {state === 'copied' ? `✓ ${m.exportCopied}` : m.exportProvenance.copyCitation}
      </button>
      {state === 'manual' && (
        <input ref={field} className="data-cite-text" readOnly value={citation()} lang="zh-CN" aria-label={m.exportProvenance.citationLabel}
          data-testid="data-citation-text" />
      )}
    </span>
  );
}
