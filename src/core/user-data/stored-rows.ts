/**
 * How a user dataset's rows are kept in the browser: ONE blob per dataset, not one object per row,
 * so start-up hands DuckDB the whole dataset in one statement instead of checking and converting a
 * million objects on the page. Two layouts, named in the metadata (`StoredRows.format`):
 *   `arrow-v1` — an Arrow IPC stream (stored-rows-arrow.ts), what is written now: one Arrow insert,
 *                no text to parse;
 *   `csv-v1`   — CSV text (this file), written until 2026-12-06: still read, and rewritten once into
 *                `arrow-v1` after it loads.
 * The column list is fixed here and stored with each dataset (`StoredRows.columns`), so a later
 * version can still read an older blob.
 *
 * CSV quoting is what read_csv needs to keep text exact: every text cell is quoted (so '' stays distinct
 * from NULL, which is an unquoted empty cell), quotes are doubled; numbers are written as JS prints
 * them (shortest round-trip form, so a double reads back bit for bit).
 */
import Papa from 'papaparse';
import type { UserDataset, UserObservation, UserReport } from './types.ts';
import type { SkipReason } from './skip-reason.ts';

/** The layouts of the blob; a new layout gets a new name, and the reader keeps the old ones. */
export const CSV_ROWS_FORMAT = 'csv-v1';
export const ARROW_ROWS_FORMAT = 'arrow-v1';
export const STORED_ROWS_FORMATS = [CSV_ROWS_FORMAT, ARROW_ROWS_FORMAT] as const;
export type StoredRowsFormat = (typeof STORED_ROWS_FORMATS)[number];

/**
 * The stored columns, in order. `ordinal` is the row's 1-based position in its dataset (its id is
 * `<dataset id>#<ordinal>`); what is the same for every row of a dataset (origin, dataset_id) and the
 * report's publisher kind are added by the loader, not repeated a million times.
 */
export const STORED_ROW_COLUMNS = [
  'ordinal', 'region_code', 'region_name', 'year', 'period', 'indicator_id', 'value', 'unit', 'approx', 'value_kind',
  'report_id', 'quote', 'span_start', 'span_end', 'rule_id', 'quote_start', 'derivation', 'inputs', 'flags',
  'source_row', 'source_column',
  // Added later, at the end: an older blob's stored column list simply lacks them (read as '').
  'table_quote', 'table_unit', 'table_source',
] as const;
export type StoredRowColumn = (typeof STORED_ROW_COLUMNS)[number];

/** Columns read as numbers; the others are text. `value` and `source_row` may be empty (NULL). */
const NUMERIC = new Set<StoredRowColumn>(['ordinal', 'year', 'value', 'span_start', 'span_end', 'quote_start', 'source_row']);

/** What is kept about a dataset's rows beside the blob: enough to trust the blob before loading it. */
export interface StoredRows {
  format: StoredRowsFormat;
  columns: StoredRowColumn[];
  rowCount: number;
  /** Size of the blob in bytes (UTF-8). */
  byteLength: number;
  /** sha256 of the blob's bytes, hex: a damaged or truncated blob is named and skipped, never loaded. */
  sha256: string;
}

/** A stored dataset without its rows: a small record (the rows are the blob beside it). */
export interface StoredDatasetMeta {
  id: string;
  kind: UserDataset['kind'];
  fileName: string;
  importedAt: string;
  encoding: string;
  reports: UserReport[];
  rows: StoredRows;
}

export const storedRowsHeader = (): string => `${STORED_ROW_COLUMNS.map((c) => `"${c}"`).join(',')}\n`;

/** `reason` words it for the reader; without one the message itself is the detail of an unreadable blob. */
export class StoredRowsError extends Error {
  readonly reason: SkipReason;
  constructor(message: string, reason?: SkipReason) {
    super(message);
    this.name = 'StoredRowsError';
    this.reason = reason ?? { kind: 'rows-unreadable', detail: message };
  }
}

const quoted = (text: string): string => `"${text.replace(/"/g, '""')}"`;
/**
 * One row's line (with its newline); `index` is its 0-based position in the dataset. A cell of the
 * wrong kind throws, naming the row and column: the blob must never hold what the loader would
 * misread (a text where a year belongs would otherwise be stored as an empty year).
 */
function rowLine(o: UserObservation, index: number): string {
  const wrong = (column: string): never => { throw new StoredRowsError(`observations.${index}.${column}: not what the stored format holds`); };
  const text = (value: unknown, column: string): string => (typeof value === 'string' ? quoted(value) : wrong(column));
  const integer = (value: unknown, column: string, nullable = false): string =>
    (value === null && nullable ? '' : Number.isInteger(value) ? String(value) : wrong(column));
  const double = (value: unknown): string => (value === null ? '' : typeof value === 'number' && Number.isFinite(value) ? String(value) : wrong('value'));
  return [
    String(index + 1), text(o.region_code, 'region_code'), text(o.region_name, 'region_name'), integer(o.year, 'year'), text(o.period, 'period'),
    text(o.indicator_id, 'indicator_id'), double(o.value), text(o.unit, 'unit'), text(o.approx, 'approx'), text(o.value_kind, 'value_kind'),
    text(o.report_id, 'report_id'), text(o.quote, 'quote'), integer(o.span_start, 'span_start'), integer(o.span_end, 'span_end'),
    text(o.rule_id, 'rule_id'), integer(o.quote_start, 'quote_start'), text(o.derivation, 'derivation'),
    quoted(Array.isArray(o.inputs) ? (o.inputs.length > 0 ? JSON.stringify(o.inputs) : '') : wrong('inputs')),
    quoted(Array.isArray(o.flags) ? o.flags.join('; ') : wrong('flags')),
    integer(o.source_row, 'source_row', true), text(o.source_column, 'source_column'),
    text(o.table_quote ?? '', 'table_quote'), text(o.table_unit ?? '', 'table_unit'), text(o.table_source ?? '', 'table_source'),
  ].join(',') + '\n';
}

/** Rows `start`..`end` (exclusive) as CSV lines: the caller encodes a large dataset in batches, reporting progress between them. */
export function encodeStoredRows(observations: readonly UserObservation[], start: number, end: number): string {
  const lines: string[] = [];
  for (let i = start; i < Math.min(end, observations.length); i += 1) lines.push(rowLine(observations[i]!, i));
  return lines.join('');
}

/** The whole blob text at once (small datasets: a pasted report, a test). */
export const storedRowsText = (observations: readonly UserObservation[]): string =>
  storedRowsHeader() + encodeStoredRows(observations, 0, observations.length);

/** The summary facts a stored dataset's list entry shows, computed in one pass (no spread of a million values). */
export function storedRowsMeta(dataset: Omit<UserDataset, 'observations'>, rows: StoredRows): StoredDatasetMeta {
  return { id: dataset.id, kind: dataset.kind, fileName: dataset.fileName, importedAt: dataset.importedAt, encoding: dataset.encoding, reports: dataset.reports, rows };
}

/**
 * The blob back as observations (export, and the tests). Throws StoredRowsError naming the line
 * and column when a cell is not what the format says.
 */
export function decodeStoredRows(text: string, columns: readonly string[] = STORED_ROW_COLUMNS): UserObservation[] {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  if (!header || header.join(',') !== columns.join(',')) throw new StoredRowsError(`header: expected ${columns.join(',')}`);
  return rows.map((cells, r) => {
    const line = r + 2;
    if (cells.length !== columns.length) throw new StoredRowsError(`line ${line}: ${cells.length} cells, expected ${columns.length}`);
    const row: Record<string, unknown> = {};
    columns.forEach((column, c) => {
      const cell = cells[c]!;
      if (!NUMERIC.has(column as StoredRowColumn)) row[column] = cell;
      else if (cell === '') row[column] = null;
      else {
        const n = Number(cell);
        if (!Number.isFinite(n)) throw new StoredRowsError(`line ${line}, ${column}: not a number`);
        row[column] = n;
      }
    });
    const { inputs, flags, ...rest } = row as Record<StoredRowColumn, unknown>;
    delete rest.ordinal; // the position in the dataset, not a field of the observation
    return {
      ...(rest as Omit<UserObservation, 'inputs' | 'flags'>),
      inputs: inputs === '' ? [] : JSON.parse(String(inputs)) as UserObservation['inputs'],
      flags: flags === '' ? [] : String(flags).split('; '),
    };
  });
}
