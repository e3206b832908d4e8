/**
 * A dataset's rows as ONE Arrow IPC stream (format `arrow-v1`): DuckDB takes it in one insert with no
 * text to parse (duckdb-wasm's `insertArrowFromIPCStream` works offline; its Parquet reader does not),
 * where the CSV form (`csv-v1`, stored-rows.ts) cost a single-threaded `read_csv` of ~270 bytes a row.
 *
 * Columns are the stored columns of the CSV form (STORED_ROW_COLUMNS), typed: the integers Int32,
 * `value` Float64 (so a double is kept bit for bit), text Utf8. Text that repeats across rows (places,
 * indicators, units, report and rule ids, flags…) is dictionary-encoded with ONE dictionary per column
 * for the whole stream, written once before the first batch: no delta or replacement dictionaries for
 * a reader to support. `quote` differs row by row and stays plain Utf8. Text is never null ('' is
 * ''); `value` and `source_row` may be null.
 *
 * Encoding runs in batches (`ArrowRowsEncoder.add`), so the worker can report progress between them.
 */
import {
  Dictionary, Field, Float64, Int32, makeData, makeVector, RecordBatch, Schema, Struct, Table, tableFromIPC, tableToIPC, Utf8,
  type Data, type DataType, type Vector,
} from 'apache-arrow';
import { STORED_ROW_COLUMNS, StoredRowsError, type StoredRowColumn } from './stored-rows.ts';
import type { UserObservation } from './types.ts';

const INTEGER_COLUMNS = ['ordinal', 'year', 'span_start', 'span_end', 'quote_start', 'source_row'] as const;
const NULLABLE = new Set<StoredRowColumn>(['value', 'source_row']);
/** Text that repeats across a table's rows: stored once per distinct value. */
const DICTIONARY_COLUMNS = [
  'region_code', 'region_name', 'period', 'indicator_id', 'unit', 'approx', 'value_kind', 'report_id', 'rule_id', 'derivation',
  'inputs', 'flags', 'source_column',
  // A table's own quote / unit / source cells (empty for report rows): units and sources repeat; a
  // quote column may not, and then costs one dictionary entry per row, which the loader reads alike.
  'table_quote', 'table_unit', 'table_source',
] as const;
type IntegerColumn = (typeof INTEGER_COLUMNS)[number];
type DictionaryColumn = (typeof DICTIONARY_COLUMNS)[number];

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const utf8 = new TextEncoder();

/** The text a column holds for a row, as the CSV form writes it (inputs as JSON or '', flags joined by '; '). */
function textCell(o: UserObservation, column: DictionaryColumn | 'quote', index: number): string {
  const wrong = (): never => { throw new StoredRowsError(`observations.${index}.${column}: not what the stored format holds`); };
  if (column === 'inputs') return Array.isArray(o.inputs) ? (o.inputs.length > 0 ? JSON.stringify(o.inputs) : '') : wrong();
  if (column === 'flags') return Array.isArray(o.flags) ? o.flags.join('; ') : wrong();
  // The table's cells are absent from rows made before they were kept (and from report rows): ''.
  const value = column === 'table_quote' || column === 'table_unit' || column === 'table_source' ? (o[column] ?? '') : o[column];
  return typeof value === 'string' ? value : wrong();
}

function validity(valid: Uint8Array, length: number): { nullCount: number; nullBitmap: Uint8Array | null } {
  let nullCount = 0;
  for (let i = 0; i < length; i += 1) if (((valid[i >> 3]! >> (i & 7)) & 1) === 0) nullCount += 1;
  return { nullCount, nullBitmap: nullCount > 0 ? valid : null };
}

/**
 * Encodes rows batch by batch (`add`), then `finish` gives the IPC stream. A cell of the wrong kind
 * throws StoredRowsError naming the row and column: the stream never holds what the loader would misread.
 */
export class ArrowRowsEncoder {
  private readonly types = new Map<string, DataType>();
  private readonly dictionaries = new Map<DictionaryColumn, { ids: Map<string, number>; values: string[] }>();
  /** Per batch: the finished columns, and each dictionary column's indices (made into Data once the dictionaries are complete). */
  private readonly batches: Array<{ length: number; data: Map<string, Data>; indices: Map<DictionaryColumn, Int32Array> }> = [];
  private rows = 0;

  constructor() {
    for (const column of INTEGER_COLUMNS) this.types.set(column, new Int32());
    this.types.set('value', new Float64());
    this.types.set('quote', new Utf8());
    for (const column of DICTIONARY_COLUMNS) {
      this.types.set(column, new Dictionary(new Utf8(), new Int32()));
      this.dictionaries.set(column, { ids: new Map(), values: [] });
    }
  }

  /** Rows `start`..`end` (exclusive) of the dataset, as the next record batch. */
  add(observations: readonly UserObservation[], start: number, end: number): void {
    const stop = Math.min(end, observations.length);
    const length = Math.max(0, stop - start);
    if (length === 0) return;
    const data = new Map<string, Data>();
    const indices = new Map<DictionaryColumn, Int32Array>();
    const integers = new Map<IntegerColumn, { values: Int32Array; valid: Uint8Array }>(
      INTEGER_COLUMNS.map((c) => [c, { values: new Int32Array(length), valid: new Uint8Array(Math.ceil(length / 8)) }]));
    const doubles = new Float64Array(length);
    const doublesValid = new Uint8Array(Math.ceil(length / 8));
    const quotes: Uint8Array[] = new Array<Uint8Array>(length);
    const quoteOffsets = new Int32Array(length + 1);
    for (const column of DICTIONARY_COLUMNS) indices.set(column, new Int32Array(length));
    for (let r = 0; r < length; r += 1) {
      const index = start + r;
      const o = observations[index]!;
      const bit = 1 << (r & 7);
      for (const column of INTEGER_COLUMNS) {
        const value = column === 'ordinal' ? index + 1 : (o[column] as unknown);
        const target = integers.get(column)!;
        if (value === null && NULLABLE.has(column)) continue;
        if (!Number.isInteger(value) || (value as number) < INT32_MIN || (value as number) > INT32_MAX) {
          throw new StoredRowsError(`observations.${index}.${column}: not what the stored format holds`);
        }
        target.values[r] = value as number;
        target.valid[r >> 3]! |= bit;
      }
      if (o.value !== null) {
        if (typeof o.value !== 'number' || !Number.isFinite(o.value)) throw new StoredRowsError(`observations.${index}.value: not what the stored format holds`);
        doubles[r] = o.value;
        doublesValid[r >> 3]! |= bit;
      }
      const quote = utf8.encode(textCell(o, 'quote', index));
      quotes[r] = quote;
      quoteOffsets[r + 1] = quoteOffsets[r]! + quote.length;
      for (const column of DICTIONARY_COLUMNS) {
        const text = textCell(o, column, index);
        const dictionary = this.dictionaries.get(column)!;
        let id = dictionary.ids.get(text);
        if (id === undefined) {
          id = dictionary.values.length;
          dictionary.ids.set(text, id);
          dictionary.values.push(text);
        }
        indices.get(column)![r] = id;
      }
    }
    for (const [column, { values, valid }] of integers) {
      data.set(column, makeData({ type: new Int32(), length, data: values, ...validity(valid, length) }));
    }
    data.set('value', makeData({ type: new Float64(), length, data: doubles, ...validity(doublesValid, length) }));
    const quoteBytes = new Uint8Array(quoteOffsets[length]!);
    quotes.forEach((q, r) => quoteBytes.set(q, quoteOffsets[r]!));
    data.set('quote', makeData({ type: new Utf8(), length, nullCount: 0, valueOffsets: quoteOffsets, data: quoteBytes }));
    this.batches.push({ length, data, indices });
    this.rows += length;
  }

  get rowCount(): number {
    return this.rows;
  }

  /** The IPC stream: schema, each column's dictionary once, then the record batches. */
  finish(): Uint8Array {
    const fields = STORED_ROW_COLUMNS.map((c) => new Field(c, this.types.get(c)!, NULLABLE.has(c)));
    const schema = new Schema(fields);
    const dictionaryVectors = new Map<DictionaryColumn, Vector>();
    for (const [column, { values }] of this.dictionaries) dictionaryVectors.set(column, utf8Vector(values));
    const batches = this.batches.map(({ length, data, indices }) => {
      const children = STORED_ROW_COLUMNS.map((c) => {
        const ids = indices.get(c as DictionaryColumn);
        if (!ids) return data.get(c)!;
        return makeData({ type: this.types.get(c) as Dictionary<Utf8, Int32>, length, nullCount: 0, data: ids, dictionary: dictionaryVectors.get(c as DictionaryColumn)! });
      });
      return new RecordBatch(schema, makeData({ type: new Struct(fields), length, nullCount: 0, children }));
    });
    return tableToIPC(new Table(schema, batches), 'stream');
  }
}

function utf8Vector(values: readonly string[]): Vector<Utf8> {
  const encoded = values.map((v) => utf8.encode(v));
  const offsets = new Int32Array(values.length + 1);
  encoded.forEach((b, i) => { offsets[i + 1] = offsets[i]! + b.length; });
  const bytes = new Uint8Array(offsets[values.length]!);
  encoded.forEach((b, i) => bytes.set(b, offsets[i]!));
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount: 0, valueOffsets: offsets, data: bytes }));
}

/** The whole stream at once (small datasets, the tests). */
export function arrowRowsStream(observations: readonly UserObservation[]): Uint8Array {
  const encoder = new ArrowRowsEncoder();
  encoder.add(observations, 0, observations.length);
  return encoder.finish();
}

/**
 * The stream back as observations (the CSV export, a rewrite, the tests). Throws StoredRowsError when
 * the bytes are not a stream of the stored columns, or a cell is not what its column holds.
 */
export function decodeArrowRows(bytes: Uint8Array, columns: readonly string[] = STORED_ROW_COLUMNS): UserObservation[] {
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (error) {
    throw new StoredRowsError(`not an Arrow stream: ${error instanceof Error ? error.message : String(error)}`);
  }
  const names = table.schema.fields.map((f) => f.name);
  if (names.join(',') !== columns.join(',')) throw new StoredRowsError(`columns: expected ${columns.join(',')}, found ${names.join(',')}`);
  const vector = (c: StoredRowColumn) => table.getChild(c)!;
  const read = Object.fromEntries(STORED_ROW_COLUMNS.map((c) => [c, vector(c)])) as Record<StoredRowColumn, Vector>;
  const out: UserObservation[] = new Array<UserObservation>(table.numRows);
  for (let i = 0; i < table.numRows; i += 1) {
    const text = (c: StoredRowColumn): string => {
      const v: unknown = read[c].get(i);
      if (typeof v !== 'string') throw new StoredRowsError(`row ${i + 1}, ${c}: not text`);
      return v;
    };
    const number = (c: StoredRowColumn): number | null => {
      const v: unknown = read[c].get(i);
      if (v === null && NULLABLE.has(c)) return null;
      if (typeof v !== 'number') throw new StoredRowsError(`row ${i + 1}, ${c}: not a number`);
      return v;
    };
    const inputs = text('inputs');
    const flags = text('flags');
    out[i] = {
      region_code: text('region_code'), region_name: text('region_name'), year: number('year')!, period: text('period') as UserObservation['period'],
      indicator_id: text('indicator_id'), value: number('value'), unit: text('unit'), approx: text('approx') as UserObservation['approx'],
      value_kind: text('value_kind') as UserObservation['value_kind'], report_id: text('report_id'), quote: text('quote'),
      span_start: number('span_start')!, span_end: number('span_end')!, rule_id: text('rule_id'), quote_start: number('quote_start')!,
      derivation: text('derivation'), inputs: inputs === '' ? [] : JSON.parse(inputs) as UserObservation['inputs'],
      flags: flags === '' ? [] : flags.split('; '), source_row: number('source_row'), source_column: text('source_column'),
      table_quote: text('table_quote'), table_unit: text('table_unit'), table_source: text('table_source'),
    };
  }
  return out;
}
