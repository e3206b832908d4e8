/**
 * The state of one export (idle → busy → done with the file's name, or failed with the reason) and
 * the status line that announces it, shared by the chart export menu and the CSV-only button.
 */
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import './export-words.ts'; // adds the export words this module reads (not in the entry chunk)

export type ExportStatus = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; file: string } | { kind: 'error'; reason: string };

/** `track(file, write)` runs one export and records how it went. */
export function useExportStatus() {
  const [status, setStatus] = useState<ExportStatus>({ kind: 'idle' });
  const track = async (file: string, write: () => void | Promise<void>): Promise<void> => {
    setStatus({ kind: 'busy' });
    try {
      await write();
      setStatus({ kind: 'done', file });
    } catch (error) {
      setStatus({ kind: 'error', reason: error instanceof Error ? error.message : String(error) });
    }
  };
  return { status, track };
}

/** The polite live region under the buttons: busy, the file written, or why it failed. */
export function ExportStatusLine({ status }: { status: ExportStatus }) {
  const { m } = useI18n();
  return (
    <span className="export-status" role="status">
      {status.kind === 'busy' && m.exportBusy}
      {status.kind === 'done' && m.exportDone(status.file)}
      {status.kind === 'error' && <span className="export-error">{m.exportFailed(status.reason)}</span>}
    </span>
  );
}
