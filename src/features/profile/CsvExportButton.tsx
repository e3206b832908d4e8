/**
 * A CSV-only export button (for tables, which have no image to export): builds the rows when clicked
 * (so nothing is queried before the reader asks), writes them with `toCsv` and downloads the file,
 * named after `title` like the chart exports (`exportFileName`). The Profile and Coverage views use it.
 *
 * Test hook: `data-testid="export-csv"` (one per view).
 */
import { useState } from 'react';
import { exportFileName, isoDate } from '../../charts/export-meta.ts';
import { toCsv } from '../../core/csv/to-csv.ts';
import { downloadText } from '../export/download.ts';
import '../export/export.css';
import { useI18n } from '../i18n/i18n.tsx';

export interface CsvExport {
  columns: readonly string[];
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

interface Props {
  /** Names the file. */
  title: string;
  /** Builds what the file holds. */
  build: () => CsvExport | Promise<CsvExport>;
  /** What the file holds (the button's tooltip). */
  hint: string;
  disabled?: boolean;
}

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; file: string } | { kind: 'error'; reason: string };

export function CsvExportButton({ title, build, hint, disabled = false }: Props) {
  const { m } = useI18n();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const run = async () => {
    const file = exportFileName(title, isoDate(new Date()), 'csv');
    setStatus({ kind: 'busy' });
    try {
      const { columns, rows } = await build();
      downloadText(toCsv(columns, rows), file, 'text/csv;charset=utf-8');
      setStatus({ kind: 'done', file });
    } catch (error) {
      setStatus({ kind: 'error', reason: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div className="export-menu" role="group" aria-label={m.exportMenuLabel}>
      <span className="export-label">{m.exportMenuLabel}</span>
      <button type="button" data-testid="export-csv" disabled={disabled || status.kind === 'busy'} title={hint} onClick={() => void run()}>{m.exportCsv}</button>
      <span className="export-status" role="status">
        {status.kind === 'busy' && m.exportBusy}
        {status.kind === 'done' && m.exportDone(status.file)}
        {status.kind === 'error' && <span className="export-error">{m.exportFailed(status.reason)}</span>}
      </span>
    </div>
  );
}
