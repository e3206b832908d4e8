/**
 * "Copy link" for the shell header: the whole view state is in the URL (nuqs), so the link is
 * `window.location.href`. Copies with the Clipboard API; where that is refused (no permission, not a
 * secure context) it shows the link in a selected read-only field for Ctrl+C. Test hook: `copy-link`.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import './export.css';

const SHOWN_MS = 2000;

export function CopyLinkButton() {
  const { m } = useI18n();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; url: string }>({ kind: 'idle' });
  const field = useRef<HTMLInputElement>(null);

  const copy = async () => {
    const url = window.location.href;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'manual', url });
    }
  };

  useEffect(() => {
    if (state.kind === 'copied') {
      const timer = setTimeout(() => setState({ kind: 'idle' }), SHOWN_MS);
      return () => clearTimeout(timer);
    }
    if (state.kind === 'manual' && field.current) {
      field.current.focus();
      field.current.select();
    }
    return undefined;
  }, [state]);

  return (
    <div className="export-copy-link">
      <button type="button" data-testid="copy-link" title={m.exportCopyLinkTitle} onClick={() => void copy()}>
        {state.kind === 'copied' ? `✓ ${m.exportCopied}` : m.exportCopyLink}
      </button>
      <span className="export-copy-status" role="status" aria-live="polite">{state.kind === 'copied' ? m.exportCopied : ''}</span>
      {state.kind === 'manual' && (
        <div className="export-copy-manual">
          <label>
            <span>{m.exportCopyManual}</span>
            <input ref={field} type="text" readOnly value={state.url} aria-label={m.exportLinkLabel} data-testid="copy-link-field"
              onFocus={(e) => e.currentTarget.select()}
              onBlur={() => setState({ kind: 'idle' })}
              onKeyDown={(e) => { if (e.key === 'Escape') setState({ kind: 'idle' }); }} />
          </label>
        </div>
      )}
    </div>
  );
}
