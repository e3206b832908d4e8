/**
 * One Parquet file over HTTP → an Arrow table DuckDB can take (duckdb-wasm cannot read Parquet
 * offline: its reader is a downloaded extension). hyparquet decodes in JS; it asks for byte
 * ranges (`Range: bytes=…`), so only the files, and within them the columns, a view needs travel.
 * Files under 512 KB are fetched in one range request (cachedAsyncBuffer), larger ones footer
 * first, then one request per column chunk. Bytes are counted from the responses' Content-Length.
 */
import { asyncBufferFromUrl, cachedAsyncBuffer, parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer } from 'hyparquet';
import { Bool, Float64, Int32, Table, Utf8, makeData, makeVector, type Vector } from 'apache-arrow';
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
    // Text stays UTF-8 bytes: they go into Arrow as they are, never decoded and re-encoded.
    parsers: { stringFromBytes: (bytes: Uint8Array) => bytes },
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
    out[name] = parts.length === 1 ? parts[0]!.data : parts.flatMap((p) => Array.from(p.data as ArrayLike<unknown>));
  }
  return { columns: out, rows };
}

/**
 * An Arrow table with exactly the table's declared columns and types: a column the file lacks is
 * all null (as the CSV loader treats an optional column), so the insert lines up. Buffers are
 * built directly (offsets, bytes, validity bitmap): Arrow's generic builders took ~10× longer.
 */
export function toArrow(spec: Pick<TableSpec, 'columns'>, columns: Columns, rows: number): Table {
  const vectors: Record<string, Vector> = {};
  for (const [name, type] of Object.entries(spec.columns)) {
    const data = columns[name] ?? { length: rows };
    vectors[name] = type === 'VARCHAR' ? utf8Vector(data, rows) : type === 'DOUBLE' ? numberVector(data, rows, new Float64(), Float64Array)
      : type === 'INTEGER' ? numberVector(data, rows, new Int32(), Int32Array) : boolVector(data, rows);
  }
  return new Table(vectors);
}

const encoder = new TextEncoder();

/** Validity bitmap (bit set = a value) and the null count. */
function validity(data: ArrayLike<unknown>, rows: number): { bitmap: Uint8Array; nulls: number } {
  const bitmap = new Uint8Array(Math.ceil(rows / 8));
  let nulls = 0;
  for (let i = 0; i < rows; i++) {
    if (data[i] === null || data[i] === undefined) nulls += 1;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  }
  return { bitmap, nulls };
}

/** Strings arrive as UTF-8 bytes (hyparquet with the identity parser) or as text; both are laid end to end. */
function utf8Vector(data: ArrayLike<unknown>, rows: number): Vector {
  const bytes: Uint8Array[] = new Array<Uint8Array>(rows);
  const offsets = new Int32Array(rows + 1);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const v = data[i];
    const b = v === null || v === undefined ? EMPTY : v instanceof Uint8Array ? v : encoder.encode(String(v));
    bytes[i] = b;
    total += b.length;
    offsets[i + 1] = total;
  }
  const values = new Uint8Array(total);
  for (let i = 0; i < rows; i++) values.set(bytes[i]!, offsets[i]!);
  const { bitmap, nulls } = validity(data, rows);
  return makeVector(makeData({ type: new Utf8(), length: rows, nullCount: nulls, nullBitmap: nulls ? bitmap : null, valueOffsets: offsets, data: values }));
}
const EMPTY = new Uint8Array(0);

function numberVector<T extends Int32 | Float64>(data: ArrayLike<unknown>, rows: number, type: T, Typed: Int32ArrayConstructor | Float64ArrayConstructor): Vector {
  const values = new Typed(rows);
  for (let i = 0; i < rows; i++) {
    const v = data[i];
    values[i] = v === null || v === undefined ? 0 : Number(v);
  }
  const { bitmap, nulls } = validity(data, rows);
  return makeVector(makeData({ type, length: rows, nullCount: nulls, nullBitmap: nulls ? bitmap : null, data: values } as never));
}

function boolVector(data: ArrayLike<unknown>, rows: number): Vector {
  const values = new Uint8Array(Math.ceil(rows / 8));
  for (let i = 0; i < rows; i++) if (data[i] === true || data[i] === 'true') values[i >> 3]! |= 1 << (i & 7);
  const { bitmap, nulls } = validity(data, rows);
  return makeVector(makeData({ type: new Bool(), length: rows, nullCount: nulls, nullBitmap: nulls ? bitmap : null, data: values }));
}
