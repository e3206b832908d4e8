/**
 * The state of one export (idle → busy → done with the file's name, or failed with the reason) and
 * the status line that announces it, shared by the chart export menu and the CSV-only button.
 */
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { storedRowsSettled, useStoredRows } from '../database.tsx';
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

/**
 * Whether exports wait for the researcher's stored rows: while they load the views answer from the
 * shipped data alone (src/app/StoredRowsStatus.tsx), and a file written then would lack the user's
 * figures without saying so, so no export is offered until they are in. `say`: rows are known to be
 * coming, so the wait is worth a visible line (while the store is still being listed, usually a few
 * milliseconds, the buttons only wait, so a page without stored rows does not flash the line).
 */
export function useExportHeld(): { held: boolean; say: boolean } {
  const status = useStoredRows();
  return { held: !storedRowsSettled(status), say: status.stage === 'loading' };
}

/** The polite live region under the buttons: why they wait, busy, the file written, or why it failed. */
export function ExportStatusLine({ status, held = false }: { status: ExportStatus; held?: boolean }) {
  // `held`: say why the buttons wait (useExportHeld's `say`).
  const { m } = useI18n();
  return (
    <span className="export-status" role="status" data-testid="export-status">
      {held && status.kind !== 'busy' && <span data-testid="export-held">{m.exportHeldForStoredRows}</span>}
      {status.kind === 'busy' && m.exportBusy}
      {status.kind === 'done' && m.exportDone(status.file)}
      {status.kind === 'error' && <span className="export-error">{m.exportFailed(status.reason)}</span>}
    </span>
  );
}
