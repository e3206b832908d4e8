/**
 * Export buttons for any chart: PNG, SVG and the chart's data as CSV.
 *
 * Props (what a view passes):
 * - `option`: the chart's EChartsOption exactly as drawn on screen (the pure builder's output). The files
 *   redraw it off-screen with `buildExportOption` (src/charts/export-option.ts): title block above,
 *   source line, notes and date below, white background, animation and tooltip off. Position the
 *   builder's grid/legend with numbers (pixels), not percentages, so they can be moved.
 * - `meta`: `{ title, subtitle, sourceLine, notes }`, or null while the sources are still loading (the
 *   image buttons wait). Build `sourceLine` with `sourceLine(reports, m.exportText)` from
 *   src/charts/export-meta.ts and the reports of the rows drawn (`useReportSources(reportIds)`), and
 *   `notes` with `exportNotes(flaggedRows, m.exportText, lang)`. The date and language are added here.
 *   The title also names the files (`exportFileName`).
 * - `csv`: `{ columns, rows }` for `toCsv` (src/core/csv/to-csv.ts): the rows drawn, each with its
 *   quote and report columns (see `trendCsvRows` in src/charts/export-trend.ts); or `{ columns, count,
 *   buildRows }` when the rows are many: built only when the reader exports (a comparison among a
 *   nation's 2,789 places spent 337 ms of every year step building CSV rows nobody asked for); `buildRows`
 *   may return a promise (the export is busy until it settles).
 * - `chartHeight`: the on-screen chart height in pixels (default 440): the plot keeps its proportions.
 *
 * Test hooks: `data-testid="export-png"`, `"export-svg"`, `"export-csv"`.
 */
import type { EChartsOption } from '../../../charts/echarts.ts';
import { exportFileName, isoDate } from '../../../charts/export-meta.ts';
import { DEFAULT_EXPORT_SIZE, type ExportMeta } from '../../../charts/export-option.ts';
import { renderExportSvg } from '../../../charts/export-svg.ts';
import { toCsv } from '../../../core/csv/to-csv.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { downloadBlob, downloadText } from './download.ts';
import { ExportStatusLine, useExportHeld, useExportStatus } from './export-status.tsx';
import './export.css';
import { renderExportPng } from './render-png.ts';
import './export-words.ts'; // adds the export words this module reads (not in the entry chunk)

export type ExportMenuMeta = Omit<ExportMeta, 'date' | 'lang'>;

export interface ExportMenuProps {
  option: EChartsOption;
  meta: ExportMenuMeta | null;
  csv: ExportCsv;
  chartHeight?: number;
}

type CsvRows = ReadonlyArray<Readonly<Record<string, unknown>>>;
/**
 * The CSV's rows, given or built on export (`count`: how many `buildRows` gives, to disable an empty export).
 * `buildRows` may wait for what only an export needs (Compare's quotes of every figure): the buttons show
 * the export as busy meanwhile.
 */
export type ExportCsv = { columns: readonly string[]; rows: CsvRows } | { columns: readonly string[]; count: number; buildRows: () => CsvRows | Promise<CsvRows> };

const csvRows = async (csv: ExportCsv): Promise<CsvRows> => ('rows' in csv ? csv.rows : csv.buildRows());
const csvCount = (csv: ExportCsv): number => ('rows' in csv ? csv.rows.length : csv.count);

export function ExportMenu({ option, meta, csv, chartHeight = DEFAULT_EXPORT_SIZE.chartHeight }: ExportMenuProps) {
  const { lang, m } = useI18n();
  const { status, track } = useExportStatus();
  const { held, say } = useExportHeld();
  const title = meta?.title ?? '';
  const size = { width: DEFAULT_EXPORT_SIZE.width, chartHeight };

  const run = async (extension: 'png' | 'svg' | 'csv') => {
    if (!meta || held) return;
    const today = isoDate(new Date());
    const file = exportFileName(title, today, extension);
    await track(file, async () => {
      if (extension === 'csv') {
        downloadText(toCsv(csv.columns, await csvRows(csv)), file, 'text/csv;charset=utf-8');
      } else {
        const full: ExportMeta = { ...meta, date: m.exportText.date(today), lang };
        if (extension === 'svg') downloadText(renderExportSvg(option, full, size), file, 'image/svg+xml;charset=utf-8');
        else downloadBlob(await renderExportPng(option, full, size), file);
      }
    });
  };

  const waiting = meta === null || held;
  const waitingTitle = held ? m.exportHeldForStoredRows : m.exportWaiting;
  const busy = status.kind === 'busy';
  return (
    <div className="export-menu" role="group" aria-label={m.exportMenuLabel}>
      <span className="export-label">{m.exportMenuLabel}</span>
      <button type="button" data-testid="export-png" disabled={waiting || busy} title={waiting ? waitingTitle : m.exportPngTitle} onClick={() => void run('png')}>{m.exportPng}</button>
      <button type="button" data-testid="export-svg" disabled={waiting || busy} title={waiting ? waitingTitle : m.exportSvgTitle} onClick={() => void run('svg')}>{m.exportSvg}</button>
      <button type="button" data-testid="export-csv" disabled={waiting || busy || csvCount(csv) === 0} title={waiting ? waitingTitle : m.exportCsvTitle} onClick={() => void run('csv')}>{m.exportCsv}</button>
      <ExportStatusLine status={status} held={say} />
    </div>
  );
}
