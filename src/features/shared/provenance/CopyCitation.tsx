/**
 * "Copy citation": the report as a GB/T 7714 entry (发布机关. 标题[EB/OL]. (发布日期)[引用日期]. URL.),
 * shown in a read-only field so it can also be selected by hand, and copied with the Clipboard API.
 * Where copying is refused (no permission, not a secure context) the field is selected for Ctrl+C.
 * Test hooks: `copy-citation` (button), `citation-text` (field).
 */
import { useEffect, useRef, useState } from 'react';
import { citedOn, gbt7714, type CitableReport } from '../../../core/cite/citation.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import '../export/export-words.ts'; // adds the export words this module reads (not in the entry chunk)

const SHOWN_MS = 2000;

export function CopyCitation({ report }: { report: CitableReport }) {
  const { m } = useI18n();
  const p = m.exportProvenance;
  const citation = gbt7714(report, citedOn(new Date()), m.exportText.citation);
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (state === 'copied') {
      const timer = setTimeout(() => setState('idle'), SHOWN_MS);
      return () => clearTimeout(timer);
    }
    if (state === 'manual' && field.current) {
      field.current.focus();
      field.current.select();
    }
    return undefined;
  }, [state]);

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(citation);
      setState('copied');
    } catch {
      setState('manual');
    }
  };

  return (
    <div className="citation">
      <label className="label" htmlFor="citation-text">{p.citationLabel}</label>
      <textarea id="citation-text" ref={field} className="citation-text" lang="zh-CN" readOnly rows={3} value={citation} data-testid="citation-text"
        onFocus={(e) => e.currentTarget.select()} />
      <div className="citation-actions">
        <button type="button" data-testid="copy-citation" title={p.copyCitationTitle} onClick={() => void copy()}>
          {state === 'copied' ? `✓ ${m.exportCopied}` : p.copyCitation}
        </button>
        <span className="note" role="status" aria-live="polite">
          {state === 'copied' ? p.citationCopied : state === 'manual' ? p.citationManual : ''}
        </span>
      </div>
    </div>
  );
}
