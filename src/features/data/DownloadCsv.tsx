import { useState } from 'react';

import { useDatabase } from '../shared/database.tsx';
import type { DataFilters, DataSort } from '../../db/queries/data-table.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorBox } from '../shared/status/Status.tsx';
import { csvFileName, exportCsvParts } from './data-csv.ts';

/** Above this many rows the download warns that the file will be large. */
const LARGE_EXPORT = 200_000;

type Export = { state: 'idle' } | { state: 'running'; done: number } | { state: 'done'; file: string; rows: number } | { state: 'error'; error: unknown };

interface Props {
  filters: DataFilters;
  sort: DataSort;
  /** The filter's row count (for the label and the progress). */
  total: number;
  /** false while the count is still that of the previous filter. */
  ready: boolean;
}

/** Downloads every row matching the filters (not only the page) as CSV, built in chunks off the table's own query. */
export function DownloadCsv({ filters, sort, total, ready }: Props) {
  const { m } = useI18n();
  const database = useDatabase();
  const [exporting, setExporting] = useState<Export>({ state: 'idle' });

  const download = async () => {
    const narrowed = filters.placeText.trim() !== '' || filters.quoteText.trim() !== '' || filters.kind !== 'all' || filters.approx !== 'all' || filters.period !== 'all' || filters.origin !== 'all';
    const file = csvFileName(filters, new Date(), narrowed);
    setExporting({ state: 'running', done: 0 });
    try {
      let exported = 0;
      const parts = await exportCsvParts(await database.whole(), filters, sort, (done) => {
        exported = done;
        setExporting({ state: 'running', done });
      });
      const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setExporting({ state: 'done', file, rows: exported });
    } catch (error) {
      setExporting({ state: 'error', error });
    }
  };

  return (
    <div className="data-download">
      <button type="button" data-testid="download-csv" disabled={!ready || total === 0 || exporting.state === 'running'} onClick={() => void download()}>
        {m.dataDownload(total)}
      </button>
      <span className="data-note" role="status">
        {exporting.state === 'running' && m.dataDownloading(exporting.done, Math.max(total, exporting.done))}
        {exporting.state === 'done' && m.dataDownloaded(exporting.file, exporting.rows)}
      </span>
      {exporting.state === 'error' && <ErrorBox error={exporting.error} />}
      <p className="data-note">{m.dataDownloadNote}{total > LARGE_EXPORT ? ` ${m.dataDownloadLarge}` : ''}</p>
    </div>
  );
}
