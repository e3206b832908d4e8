/**
 * A CSV-only export button (for tables, which have no image to export): builds the rows when clicked
 * (so nothing is queried before the reader asks), writes them with `toCsv` and downloads the file,
 * named after `title` like the chart exports (`exportFileName`). The Profile and Coverage views use it.
 *
 * Test hook: `data-testid="export-csv"` (one per view).
 */
import { exportFileName, isoDate } from '../../../charts/export-meta.ts';
import { toCsv } from '../../../core/csv/to-csv.ts';
import { downloadText } from './download.ts';
import { ExportStatusLine, useExportHeld, useExportStatus } from './export-status.tsx';
import './export.css';
import { useI18n } from '../../i18n/i18n.tsx';
import './export-words.ts'; // adds the export words this module reads (not in the entry chunk)

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

export function CsvExportButton({ title, build, hint, disabled = false }: Props) {
  const { m } = useI18n();
  const { status, track } = useExportStatus();
  const { held, say } = useExportHeld();
  const run = async () => {
    if (held) return;
    const file = exportFileName(title, isoDate(new Date()), 'csv');
    await track(file, async () => {
      const { columns, rows } = await build();
      downloadText(toCsv(columns, rows), file, 'text/csv;charset=utf-8');
    });
  };
  return (
    <div className="export-menu" role="group" aria-label={m.exportMenuLabel}>
      <span className="export-label">{m.exportMenuLabel}</span>
      <button type="button" data-testid="export-csv" disabled={disabled || held || status.kind === 'busy'} title={held ? m.exportHeldForStoredRows : hint} onClick={() => void run()}>{m.exportCsv}</button>
      <ExportStatusLine status={status} held={say} />
    </div>
  );
}
