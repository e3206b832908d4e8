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
  const counter = { cut: 0 };
  let failure: TableReadError | null = null;
  let lastReport = 0;
  Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', '\t', ';', '|'],
    step(result, parser) {
      const fields = result.data;
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
      const cursor = result.meta.cursor;
      if (onProgress && cursor - lastReport > 256 * 1024) {
        lastReport = cursor;
        onProgress(cursor / body.length);
      }
    },
  });
  if (failure) throw failure;
  if (headers === null) throw new TableReadError('empty', '');
  return { headers, rows, cutCells: counter.cut };
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
  return { headers: headers.map((h) => cut(h, counter)), rows, cutCells: counter.cut };
}

/** Parquet files start and end with the magic bytes PAR1. */
export function isParquet(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31;
}
