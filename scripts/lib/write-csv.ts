/**
 * CSV as the contract asks (docs/DATA-CONTRACT.md §3): UTF-8 with a byte-order mark (so spreadsheet
 * programs read the Chinese text as UTF-8), a header row, RFC 4180 quoting and CRLF line ends,
 * written by papaparse's `unparse`. Fields holding a comma, a double quote, CR or LF (or a
 * leading/trailing space) are quoted and inner quotes doubled. There is no line break after the
 * last record (RFC 4180 allows either; papaparse's own parser then reads back exactly the rows).
 * Nulls are empty fields; numbers print in JavaScript's shortest round-trip form (99.8, not
 * 99.80000000001, because values are cleaned before writing: see cleanNumber).
 * `escapeFormulae` stays off: prefixing a quote that starts with "-" or "=" would alter the
 * verbatim text.
 */
import Papa from 'papaparse';
import type { Cell, Row, TableSchema } from './dataset-schema.ts';

export const BOM = '\uFEFF';

export function toCsv(schema: TableSchema, rows: readonly Row[]): string {
  const fields = schema.columns.map((c) => c.name);
  const data = rows.map((row) => schema.columns.map((c) => formatCell(row[c.name] ?? null)));
  return BOM + Papa.unparse({ fields, data }, { newline: '\r\n', quotes: false, escapeFormulae: false, header: true });
}

function formatCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}
