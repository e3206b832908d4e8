/**
 * A query's Arrow result as plain row objects, decoded column by column: each column's vector is
 * walked once and its values set on the rows, instead of one StructRow proxy and `toJSON` per row.
 * Measured in Node (apache-arrow 17, 8 columns, warm): 3,213 rows 120 ms → 1.6 ms, 100,000 rows
 * 2.4 s → 0.3 s; a start-up trace had shown the row-by-row path as one 877 ms main-thread task.
 * Each value made plain as the row-by-row path makes it (`plainValue`, db.ts: BigInt → number).
 *
 * A text column whose bytes are all ASCII (ids, codes, periods, kinds) is decoded with one TextDecoder
 * call per record batch and cut at its offsets (for ASCII a byte is a UTF-16 unit), not one call per
 * value: among a nation's Compare figures per-value decoding was the largest main-thread share of a
 * year step (`(decode)` 135 ms of 479 ms, docs/BENCHMARKS.md "National scale: part F"). Other text, and
 * every other type, is read through the vector as before.
 */
import { plainValue } from './db.ts';

/** The parts of an Arrow `Data` chunk of a Utf8 column read here (apache-arrow 17). */
interface Utf8Chunk {
  readonly length: number;
  readonly nullCount: number;
  readonly valueOffsets: Int32Array;
  readonly values: Uint8Array;
  getValid(index: number): boolean;
}

interface ArrowColumn extends Iterable<unknown> {
  readonly type?: { readonly typeId?: number };
  readonly data?: readonly unknown[];
}

interface ArrowColumns {
  readonly numRows: number;
  readonly schema: { readonly fields: ReadonlyArray<{ readonly name: string }> };
  getChildAt(index: number): ArrowColumn | null;
}

/** Arrow's `Type.Utf8` (32-bit offsets). */
const UTF8 = 5;
const ascii = new TextDecoder('utf-8');

/** The chunk's strings when every byte is ASCII, or null (then the vector decodes them). */
function asciiStrings(chunk: Utf8Chunk): Array<string | null> | null {
  const offsets = chunk.valueOffsets;
  const start = offsets[0]!;
  const bytes = chunk.values.subarray(start, offsets[chunk.length]!);
  for (let i = 0; i < bytes.length; i += 1) if (bytes[i]! >= 0x80) return null;
  const text = ascii.decode(bytes);
  const out = new Array<string | null>(chunk.length);
  for (let i = 0; i < chunk.length; i += 1) {
    out[i] = chunk.nullCount > 0 && !chunk.getValid(i) ? null : text.slice(offsets[i]! - start, offsets[i + 1]! - start);
  }
  return out;
}

/** The column's strings if it is Utf8 and all ASCII, chunk by chunk; null otherwise. */
function asciiColumn(column: ArrowColumn): Array<string | null> | null {
  if (column.type?.typeId !== UTF8 || !column.data) return null;
  const all: Array<string | null> = [];
  for (const chunk of column.data as readonly Utf8Chunk[]) {
    if (!(chunk.valueOffsets instanceof Int32Array) || !(chunk.values instanceof Uint8Array)) return null;
    const strings = asciiStrings(chunk);
    if (!strings) return null;
    for (const s of strings) all.push(s);
  }
  return all;
}

export function arrowRows<T>(table: ArrowColumns): T[] {
  const rows: Array<Record<string, unknown>> = new Array<Record<string, unknown>>(table.numRows);
  for (let i = 0; i < rows.length; i += 1) rows[i] = {};
  table.schema.fields.forEach((field, index) => {
    const column = table.getChildAt(index);
    if (!column) return;
    const strings = asciiColumn(column);
    if (strings) {
      for (let i = 0; i < rows.length; i += 1) rows[i]![field.name] = strings[i];
      return;
    }
    let i = 0;
    for (const value of column) {
      rows[i]![field.name] = plainValue(value);
      i += 1;
    }
  });
  return rows as T[];
}
