/** A stored blob back as observations, whatever its layout (the CSV export, the rewrite of an old blob, the tests). */
import { decodeArrowRows } from './stored-rows-arrow.ts';
import { ARROW_ROWS_FORMAT, CSV_ROWS_FORMAT, decodeStoredRows, StoredRowsError } from './stored-rows.ts';
import type { UserObservation } from './types.ts';

export function readStoredRows(rows: { format: string; columns: readonly string[] }, bytes: Uint8Array): UserObservation[] {
  if (rows.format === ARROW_ROWS_FORMAT) return decodeArrowRows(bytes, rows.columns);
  if (rows.format === CSV_ROWS_FORMAT) return decodeStoredRows(new TextDecoder('utf-8', { fatal: true }).decode(bytes), rows.columns);
  throw new StoredRowsError(`stored rows in an unknown format ${rows.format}`, { kind: 'rows-format', format: rows.format });
}
