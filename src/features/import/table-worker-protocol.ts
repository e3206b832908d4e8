/** Messages between the table-import page and its worker (parse-table.worker.ts). */
import type { TableEncoding } from '../../core/user-data/decode.ts';
import type { TableMapping } from '../../core/user-data/table-shape.ts';
import type { UserObservation } from '../../core/user-data/types.ts';
import type { TableReject } from '../../core/user-data/validate-rows.ts';

export type WorkerRequest =
  | { type: 'read'; file: File; encoding: TableEncoding | null }
  | { type: 'validate'; mapping: TableMapping; divisionsCsv: string; datasetId: string; minYear: number; maxYear: number };

export interface TableSummary {
  fileName: string;
  format: 'csv' | 'parquet';
  /** The encoding the text was decoded from ('' for Parquet, whose strings are UTF-8 by definition). */
  encoding: TableEncoding | '';
  /** 0–100; 100 for a BOM, clean UTF-8 or the user's own choice. */
  confidence: number;
  headers: string[];
  /** The first rows as decoded, cells shortened for display. */
  preview: string[][];
  /** The file line each preview row starts on. */
  previewRowNumbers: number[];
  rowCount: number;
  cutCells: number;
  suggested: TableMapping;
}

export type ReadErrorCode =
  | 'file-too-large' | 'empty' | 'too-many-columns' | 'too-many-rows' | 'csv-syntax' | 'parquet-codec' | 'parquet-invalid'
  | 'decode' | 'divisions' | 'internal';

export type WorkerResponse =
  | { type: 'progress'; phase: 'read' | 'parse' | 'validate'; fraction: number }
  | { type: 'table'; table: TableSummary }
  | { type: 'validated'; observations: UserObservation[]; rejects: TableReject[]; blankCells: number }
  | { type: 'error'; code: ReadErrorCode; detail: string; encoding?: TableEncoding };

export const PREVIEW_ROWS = 20;
export const PREVIEW_CELL_CHARS = 200;
