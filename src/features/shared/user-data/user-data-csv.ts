/**
 * A stored dataset as CSV (the dashboard's writer: BOM, formula neutralisation): every row with its
 * provenance — the file, line and column it came from, or the pasted report's title and sentence —
 * and `origin = user`, so the file can never pass for shipped data.
 */
import { toCsv } from '../../../core/csv/to-csv.ts';
import type { UserDataset } from '../../../core/user-data/types.ts';

export const USER_CSV_COLUMNS = [
  'origin', 'dataset_id', 'file_name', 'imported_at', 'encoding', 'region_code', 'region_name', 'year', 'period',
  'indicator_id', 'value', 'unit', 'approx', 'value_kind', 'report_id', 'report_title', 'source_row', 'source_column',
  'quote', 'quote_start', 'span_start', 'span_end', 'rule_id', 'derivation', 'flags',
  // The table's own quote, unit and source columns for the row, as written ('' when it had none).
  'table_quote', 'table_unit', 'table_source',
] as const;

export function userDatasetCsv(dataset: UserDataset): string {
  const titles = new Map(dataset.reports.map((r) => [r.meta.id, r.meta.title]));
  const rows = dataset.observations.map((o) => ({
    ...o, origin: 'user', dataset_id: dataset.id, file_name: dataset.fileName, imported_at: dataset.importedAt,
    encoding: dataset.encoding, report_title: titles.get(o.report_id) ?? '', flags: o.flags.join('; '),
    table_quote: o.table_quote ?? '', table_unit: o.table_unit ?? '', table_source: o.table_source ?? '',
  }));
  return toCsv(USER_CSV_COLUMNS, rows);
}

/** A download name from the user's file name (path characters removed), else the dataset id. */
export function userCsvFileName(dataset: Pick<UserDataset, 'id' | 'fileName'>): string {
  const stem = [...dataset.fileName.replace(/\.[^.]*$/, '')]
    .map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('').slice(0, 80);
  return `${stem || dataset.id}-user-data.csv`;
}
