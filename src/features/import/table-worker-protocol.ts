/** Messages between the table-import page and its worker (parse-table.worker.ts). */
import type { TableEncoding } from '../../core/user-data/decode.ts';
import type { TableImportErrorCode } from '../../core/user-data/read-table.ts';
import type { TableMapping } from '../../core/user-data/table-shape.ts';
import type { TableReject } from '../../core/user-data/validate-rows.ts';

export type WorkerRequest =
  | { type: 'read'; file: File; encoding: TableEncoding | null }
  /** A workbook with several sheets: read another one. */
  | { type: 'sheet'; index: number }
  /** Long format: the distinct cells of the column chosen as the indicator column. */
  | { type: 'distinct'; column: number }
  | { type: 'validate'; mapping: TableMapping; divisionsCsv: string; datasetId: string; minYear: number; maxYear: number }
  /** Store the checked rows (kept in the worker) as one dataset: the worker writes it into the browser's store itself. */
  | { type: 'save'; datasetId: string; fileName: string; importedAt: string; encoding: string };

export interface TableSummary {
  fileName: string;
  format: 'csv' | 'parquet' | 'xlsx';
  /** The encoding the text was decoded from ('' for Parquet and Excel, whose strings are Unicode by definition). */
  encoding: TableEncoding | '';
  /** 0–100; 100 for a BOM, clean UTF-8 or the user's own choice. */
  confidence: number;
  /** Excel: every sheet's name and the one read (index); empty otherwise. */
  sheets: Array<{ name: string; empty: boolean }>;
  sheet: number;
  headers: string[];
  /** The first rows as decoded, cells shortened for display. */
  preview: string[][];
  /** The file line each preview row starts on. */
  previewRowNumbers: number[];
  rowCount: number;
  /** Rows that could not be taken apart (bad quote, too many cells): listed with the rejects. */
  brokenRows: number;
  cutCells: number;
  suggested: TableMapping;
  /** The distinct cells of the suggested indicator column (long format), when there is one. */
  indicatorCells: DistinctCells | null;
}

/** The distinct non-blank cells of a column that are not catalog ids, with how many rows hold each. */
export interface DistinctCells {
  column: number;
  cells: Array<{ text: string; rows: number }>;
  /** Distinct cells beyond the ones listed (they stay unmapped, so their rows are rejected). */
  more: number;
}

export type ReadErrorCode = TableImportErrorCode;

export type WorkerResponse =
  | { type: 'progress'; phase: 'read' | 'parse' | 'validate' | 'save'; fraction: number }
  | { type: 'table'; table: TableSummary }
  | { type: 'distinct'; distinct: DistinctCells }
  /** The checked rows stay in the worker; the page gets their count and the rejects. */
  | { type: 'validated'; count: number; rejects: TableReject[]; blankCells: number }
  /** The dataset is in the store (metadata, rows blob and summary, one transaction). */
  | { type: 'saved'; datasetId: string; count: number }
  | { type: 'save-failed'; detail: string }
  | { type: 'error'; code: ReadErrorCode; detail: string; encoding?: TableEncoding };

export const PREVIEW_ROWS = 20;
export const PREVIEW_CELL_CHARS = 200;
/** Distinct indicator cells offered for mapping. */
export const DISTINCT_CELLS = 300;
