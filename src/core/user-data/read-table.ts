/**
 * Decoded text or Parquet bytes → header + rows of strings, with the caps that keep hostile input
 * harmless: too many columns is an error naming the count, an over-long cell is cut (and counted),
 * too many rows is an error. Pure (PapaParse and hyparquet run anywhere): the import worker calls
 * these, Node tests call them directly.
 */
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import Papa from 'papaparse';

export const TABLE_LIMITS = {
  /** Bytes of an uploaded file. */
  maxFileBytes: 50 * 1024 * 1024,
  maxColumns: 2000,
  /** Characters of one cell; longer cells are cut to this length. */
  maxCellChars: 1000,
  maxRows: 2_000_000,
} as const;

export type TableReadErrorCode = 'empty' | 'too-many-columns' | 'too-many-rows' | 'file-too-large' | 'csv-syntax' | 'parquet-codec' | 'parquet-invalid';

/** A table that cannot be read: a code the UI words, with the detail it names (count, codec, row). */
export class TableReadError extends Error {
  constructor(readonly code: TableReadErrorCode, readonly detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'TableReadError';
  }
}

export interface RawTable {
  headers: string[];
  rows: string[][];
  /**
   * For each row, the 1-based line of the file it starts on (CSV: the header is line 1, blank lines
   * and line breaks inside quoted cells counted; Parquet: the record's position + 1, as if a header
   * line preceded it), so a reject names the line a text editor shows.
   */
  rowNumbers: number[];
  /** Cells cut to maxCellChars. */
  cutCells: number;
}

const cut = (text: string, counter: { cut: number }): string => {
  if (text.length <= TABLE_LIMITS.maxCellChars) return text;
  counter.cut += 1;
  return `${text.slice(0, TABLE_LIMITS.maxCellChars)}…`;
};

/**
 * Parses CSV text (delimiter guessed: comma, tab, semicolon). `onProgress` gets the fraction of the
 * text parsed. Blank lines are skipped. The first row is the header.
 */
export function parseCsvText(text: string, onProgress?: (fraction: number) => void): RawTable {
  const body = text.replace(/^\ufeff/, '');
  if (body.trim() === '') throw new TableReadError('empty', '');
  let headers: string[] | null = null;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  // Lines up to the parser's cursor, counted incrementally (each character is looked at once).
  let counted = 0;
  let linesBefore = 0;
  const lineAt = (cursor: number): number => {
    for (let i = counted; i < cursor; i += 1) if (body.charCodeAt(i) === 10) linesBefore += 1;
    counted = Math.max(counted, cursor);
    return linesBefore;
  };
  const newlinesIn = (fields: readonly string[]): number => {
    let n = 0;
    for (const f of fields) for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) n += 1;
    return n;
  };
  const counter = { cut: 0 };
  let failure: TableReadError | null = null;
  let lastReport = 0;
  Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', '\t', ';', '|'],
    step(result, parser) {
      const fields = result.data;
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        // Papa's index is where the bad quote is, counted from the start of the text it was given.
        const at = quoteError.index ?? result.meta.cursor;
        failure = new TableReadError('csv-syntax', `${lineAt(at) + 1}: ${quoteError.message}`);
        parser.abort();
        return;
      }
      if (headers === null) {
        if (fields.length > TABLE_LIMITS.maxColumns) {
          failure = new TableReadError('too-many-columns', String(fields.length));
          parser.abort();
          return;
        }
        headers = fields.map((f) => cut(f.trim(), counter));
        return;
      }
      if (rows.length >= TABLE_LIMITS.maxRows) {
        failure = new TableReadError('too-many-rows', String(TABLE_LIMITS.maxRows));
        parser.abort();
        return;
      }
      // A row longer than the header keeps only the header's columns: the extra cells have no name.
      rows.push(fields.slice(0, Math.max(headers.length, 1)).map((f) => cut(f, counter)));
      rowNumbers.push(rowLine(result.meta.cursor, fields));
      const cursor = result.meta.cursor;
      if (onProgress && cursor - lastReport > 256 * 1024) {
        lastReport = cursor;
        onProgress(cursor / body.length);
      }
    },
  });
  if (failure) throw failure;
  if (headers === null) throw new TableReadError('empty', '');
  return { headers, rows, rowNumbers, cutCells: counter.cut };

  /** The line a record starts on: the cursor is just past its line break (or at the end of the text). */
  function rowLine(cursor: number, fields: readonly string[]): number {
    const endsWithBreak = cursor > 0 && body.charCodeAt(cursor - 1) === 10;
    const lastLine = lineAt(cursor) + (endsWithBreak ? 0 : 1);
    return lastLine - newlinesIn(fields);
  }
}

const CODECS_READ = new Set(['UNCOMPRESSED', 'SNAPPY']);

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** A Parquet file (Snappy or uncompressed) → the same header + rows of strings as a CSV. */
export async function readParquetTable(buffer: ArrayBuffer): Promise<RawTable> {
  let metadata;
  try {
    metadata = parquetMetadata(buffer);
  } catch (error) {
    throw new TableReadError('parquet-invalid', error instanceof Error ? error.message : String(error));
  }
  for (const group of metadata.row_groups) {
    for (const column of group.columns) {
      const codec = column.meta_data?.codec;
      if (codec && !CODECS_READ.has(codec)) throw new TableReadError('parquet-codec', codec);
    }
  }
  const headers = parquetSchema(metadata).children.map((child) => child.element.name);
  if (headers.length > TABLE_LIMITS.maxColumns) throw new TableReadError('too-many-columns', String(headers.length));
  if (metadata.num_rows > BigInt(TABLE_LIMITS.maxRows)) throw new TableReadError('too-many-rows', String(TABLE_LIMITS.maxRows));
  let objects: Record<string, unknown>[];
  try {
    objects = await parquetReadObjects({ file: buffer, metadata });
  } catch (error) {
    throw new TableReadError('parquet-invalid', error instanceof Error ? error.message : String(error));
  }
  const counter = { cut: 0 };
  const rows = objects.map((object) => headers.map((h) => cut(cellText(object[h]), counter)));
  return { headers: headers.map((h) => cut(h, counter)), rows, rowNumbers: rows.map((_, i) => i + 2), cutCells: counter.cut };
}

/** Parquet files start and end with the magic bytes PAR1. */
export function isParquet(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31;
}
