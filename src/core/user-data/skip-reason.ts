/**
 * Why a stored dataset could not be read, as data: the My-data warning words it in the reader's
 * language (src/features/i18n/views/user-data.ts), while the error message stays English for logs
 * and the pipeline. `detail` is the underlying library's own words (DuckDB, zod), shown as a detail.
 */
export type SkipReason =
  | { kind: 'rows-missing' }
  | { kind: 'rows-size'; bytes: number; expected: number }
  | { kind: 'rows-damaged' }
  | { kind: 'rows-count'; read: number; expected: number }
  | { kind: 'rows-unreadable'; detail: string }
  | { kind: 'rows-format'; format: string }
  | { kind: 'record-invalid'; field: string; detail: string }
  | { kind: 'not-rewritten'; detail: string };
