/**
 * A Parquet file → the same header + rows of strings as a CSV. Every codec Parquet writers use is
 * read (hyparquet-compressors: Snappy, GZIP, Brotli, ZSTD — Polars' default — LZ4); a damaged file
 * is refused with a code the UI words in the user's language (hyparquet's English stays out of it).
 */
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { createTableBuilder, TABLE_LIMITS, TableReadError, type RawTable } from './read-table.ts';

/** The codecs the compressors read; LZO has no JavaScript decoder. */
const CODECS_READ = new Set(['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'BROTLI', 'ZSTD', 'LZ4', 'LZ4_RAW']);

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** Parquet files start and end with the magic bytes PAR1. */
export function isParquet(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31;
}

/**
 * The Parquet file's rows. Errors: `parquet-codec` naming a codec no decoder reads, `parquet-invalid`
 * with 'not-parquet' (no PAR1 magic), 'truncated' (the footer is missing or points outside the file)
 * or 'damaged' (the pages do not decode).
 */
export async function readParquetTable(buffer: ArrayBuffer): Promise<RawTable> {
  const bytes = new Uint8Array(buffer);
  if (!isParquet(bytes)) throw new TableReadError('parquet-invalid', 'not-parquet');
  let metadata;
  try {
    metadata = parquetMetadata(buffer);
  } catch {
    throw new TableReadError('parquet-invalid', 'truncated');
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
    objects = await parquetReadObjects({ file: buffer, metadata, compressors });
  } catch {
    throw new TableReadError('parquet-invalid', 'damaged');
  }
  const table = createTableBuilder();
  table.row(headers, 1);
  objects.forEach((object, i) => table.row(headers.map((h) => cellText(object[h])), i + 2));
  return table.finish();
}
