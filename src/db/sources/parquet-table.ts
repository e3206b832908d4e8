/**
 * One Parquet file over HTTP → an Arrow table DuckDB can take (duckdb-wasm cannot read Parquet
 * offline: its reader is a downloaded extension). hyparquet decodes in JS; it asks for byte
 * ranges (`Range: bytes=…`), so only the files, and within them the columns, a view needs travel.
 * Files under 512 KB are fetched in one range request (cachedAsyncBuffer), larger ones footer
 * first, then one request per column chunk. Bytes are counted from the responses' Content-Length.
 */
import { asyncBufferFromUrl, cachedAsyncBuffer, parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer } from 'hyparquet';
import { Bool, Float64, Int32, Table, Utf8, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import type { TableSpec } from '../schema.ts';

export interface ByteCounter {
  bytes: number;
  requests: number;
}

/** fetch that adds each response's size to the counter (a range response's Content-Length is the range). */
export function countingFetch(counter: ByteCounter): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    counter.requests += 1;
    counter.bytes += Number(response.headers.get('content-length') ?? 0);
    return response;
  };
}

/** The file at `url` (its size known from the manifest, which saves a HEAD request). */
export async function remoteParquet(url: string, byteLength: number, counter: ByteCounter): Promise<AsyncBuffer> {
  return cachedAsyncBuffer(await asyncBufferFromUrl({ url, byteLength, fetch: countingFetch(counter) }));
}

const ARROW_TYPE: Record<TableSpec['columns'][string], () => DataType> = {
  VARCHAR: () => new Utf8(), INTEGER: () => new Int32(), DOUBLE: () => new Float64(), BOOLEAN: () => new Bool(),
};

/** Columns as decoded by hyparquet: plain arrays or typed arrays, one per column, all the same length. */
export type Columns = Record<string, ArrayLike<unknown>>;

/** Reads the declared columns the file has (others are skipped: never fetched from a wide file). */
export async function readColumns(file: AsyncBuffer, wanted: readonly string[]): Promise<{ columns: Columns; rows: number }> {
  const chunks = new Map<string, { rowStart: number; data: ArrayLike<unknown> }[]>();
  const metadata = await parquetMetadataAsync(file);
  const present = new Set(parquetSchema(metadata).children.map((c) => c.element.name));
  const columns = wanted.filter((c) => present.has(c));
  await parquetRead({
    file, metadata, columns,
    onChunk: ({ columnName, columnData, rowStart }) => {
      const list = chunks.get(columnName) ?? [];
      list.push({ rowStart, data: columnData });
      chunks.set(columnName, list);
    },
  });
  const rows = Number(metadata.num_rows);
  const out: Columns = {};
  for (const name of columns) {
    const parts = (chunks.get(name) ?? []).sort((a, b) => a.rowStart - b.rowStart);
    out[name] = parts.length === 1 ? parts[0]!.data : parts.flatMap((p) => Array.from(p.data));
  }
  return { columns: out, rows };
}

/**
 * An Arrow table with exactly the table's declared columns and types: a column the file lacks is
 * all null (as the CSV loader treats an optional column), so `INSERT … SELECT *` lines up.
 */
export function toArrow(spec: Pick<TableSpec, 'columns'>, columns: Columns, rows: number): Table {
  const vectors: Record<string, Vector> = {};
  for (const [name, type] of Object.entries(spec.columns)) {
    const data = columns[name];
    const values = data ? Array.from(data, (v) => (v === undefined ? null : typeof v === 'bigint' ? Number(v) : v)) : new Array<null>(rows).fill(null);
    vectors[name] = vectorFromArray(values, ARROW_TYPE[type]());
  }
  return new Table(vectors);
}
