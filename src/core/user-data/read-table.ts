/**
 * Decoded text → header + rows of strings, with the caps that keep hostile input harmless: too many
 * columns is an error naming the count, an over-long cell is cut (and counted), too many rows is an
 * error. A row the reader cannot take apart (a bad quote) or one with more cells than the header is
 * kept aside as a broken row with its line number, never a reason to refuse the file.
 * Pure: the import worker calls these, Node tests call them directly. Parquet and Excel files are
 * read into the same shape by read-parquet.ts and read-xlsx.ts.
 */
import { createCsvRecordReader, RecordTooLongError, type BrokenLineCode } from './csv-records.ts';

export const TABLE_LIMITS = {
  /** Bytes of an uploaded file. CSV is read streaming; Parquet and Excel are read whole. */
  maxFileBytes: 200 * 1024 * 1024,
  /** Bytes of a Parquet or Excel file, which are unpacked in memory at once. */
  maxPackedFileBytes: 100 * 1024 * 1024,
  maxColumns: 2000,
  /** Characters of one cell; longer cells are cut to this length. */
  maxCellChars: 1000,
  maxRows: 5_000_000,
} as const;

export type TableReadErrorCode =
  | 'empty' | 'too-many-columns' | 'too-many-rows' | 'file-too-large' | 'header-broken' | 'line-too-long'
  | 'parquet-codec' | 'parquet-invalid' | 'xlsx-invalid' | 'xlsx-encrypted' | 'xls-legacy' | 'zip-bomb' | 'binary';

/** Every failure of a table import the UI words: reading (above), decoding, the places table, anything unexpected. */
export type TableImportErrorCode = TableReadErrorCode | 'decode' | 'divisions' | 'internal';

/** A table that cannot be read: a code the UI words, with the detail it names (count, codec, line, kind). */
export class TableReadError extends Error {
  constructor(readonly code: TableReadErrorCode, readonly detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'TableReadError';
  }
}

export type BrokenRowCode = BrokenLineCode | 'too-many-cells';

/** A row left out because it cannot be read as cells; listed with the rejects. */
export interface BrokenRow {
  row: number;
  code: BrokenRowCode;
  /** The line as the file had it (cut), or for too-many-cells the count of cells. */
  detail: string;
}

export interface RawTable {
  headers: string[];
  rows: string[][];
  /**
   * For each row, the 1-based line of the file it starts on (CSV: the header is line 1, blank lines
   * and line breaks inside quoted cells counted; Parquet: the record's position + 1, as if a header
   * line preceded it; Excel: the sheet's row), so a reject names the line the user can find.
   */
  rowNumbers: number[];
  /** Cells cut to maxCellChars. */
  cutCells: number;
  broken: BrokenRow[];
}

export const cutCell = (text: string, counter: { cut: number }): string => {
  if (text.length <= TABLE_LIMITS.maxCellChars) return text;
  counter.cut += 1;
  return `${text.slice(0, TABLE_LIMITS.maxCellChars)}…`;
};

/**
 * Cells (of a CSV record, a Parquet record or a sheet row) → the table, one row at a time: the
 * first row is the header; a row with non-empty cells beyond the header is broken (its cells
 * would be read under the wrong columns, e.g. an unquoted 1,234), trailing empty cells are dropped.
 */
export function createTableBuilder() {
  let headers: string[] | null = null;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const broken: BrokenRow[] = [];
  const counter = { cut: 0 };
  return {
    row(fields: readonly string[], line: number) {
      if (headers === null) {
        if (fields.length > TABLE_LIMITS.maxColumns) throw new TableReadError('too-many-columns', String(fields.length));
        headers = fields.map((f) => cutCell(f.trim(), counter));
        return;
      }
      if (rows.length >= TABLE_LIMITS.maxRows) throw new TableReadError('too-many-rows', String(TABLE_LIMITS.maxRows));
      const width = Math.max(headers.length, 1);
      if (fields.length > width && fields.slice(width).some((f) => f.trim() !== '')) {
        broken.push({ row: line, code: 'too-many-cells', detail: `${fields.length}/${width}` });
        return;
      }
      rows.push(fields.slice(0, width).map((f) => cutCell(f, counter)));
      rowNumbers.push(line);
    },
    broken(row: BrokenRow) {
      // A header that cannot be read leaves nothing to map: that one refuses the file.
      if (headers === null) throw new TableReadError('header-broken', String(row.row));
      broken.push(row);
    },
    get started(): boolean { return headers !== null; },
    finish(): RawTable {
      if (headers === null) throw new TableReadError('empty', '');
      return { headers, rows, rowNumbers, cutCells: counter.cut, broken };
    },
  };
}

/**
 * CSV read piece by piece (delimiter guessed: comma, tab, semicolon, pipe): `push` decoded text,
 * then `finish()`. Blank lines are skipped. The first row is the header.
 */
export function createCsvTableReader() {
  const table = createTableBuilder();
  let first = true;
  const reader = createCsvRecordReader({
    record: (record) => table.row(record.fields, record.line),
    broken: (line) => table.broken({ row: line.line, code: line.code, detail: line.text }),
  });
  const guard = (run: () => void) => {
    try {
      run();
    } catch (error) {
      if (error instanceof RecordTooLongError) throw new TableReadError('line-too-long', String(error.line));
      throw error;
    }
  };
  return {
    push(text: string) {
      guard(() => reader.push(first ? text.replace(/^\ufeff/, '') : text));
      first = false;
    },
    finish(): RawTable {
      guard(() => reader.end());
      return table.finish();
    },
  };
}

/** Whole CSV text → table (tests and small inputs; the worker streams through createCsvTableReader). */
export function parseCsvText(text: string): RawTable {
  const reader = createCsvTableReader();
  reader.push(text);
  return reader.finish();
}
