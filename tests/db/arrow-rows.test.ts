/** A query's Arrow result decoded column by column: the same rows as the row-by-row path, BigInt made numbers, across batches. */
import { Bool, Dictionary, Field, Float64, Int32, Int64, makeData, RecordBatch, Schema, Struct, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrowRows } from '../../src/db/arrow-rows.ts';
import { plainRow } from '../../src/db/db.ts';

const rowByRow = (table: Table): Array<Record<string, unknown>> =>
  table.toArray().map((row) => plainRow((row as { toJSON(): Record<string, unknown> }).toJSON()));

const fields = [
  new Field('code', new Utf8(), true), new Field('n', new Int32(), true), new Field('value', new Float64(), true),
  new Field('big', new Int64(), true), new Field('flag', new Bool(), true), new Field('kind', new Dictionary(new Utf8(), new Int32()), true),
];
const schema = new Schema(fields);

function batch(offset: number, length: number): RecordBatch {
  const at = (f: (i: number) => unknown) => Array.from({ length }, (_, i) => f(offset + i));
  const children = [
    vectorFromArray(at((i) => (i % 5 === 0 ? null : `县${i}'"\n𠮷`)), new Utf8()),
    vectorFromArray(at((i) => (i % 7 === 0 ? null : i - 3)), new Int32()),
    vectorFromArray(at((i) => (i % 4 === 0 ? null : i / 3)), new Float64()),
    vectorFromArray(at((i) => (i % 6 === 0 ? null : BigInt(i) * 1_000_000n)), new Int64()),
    vectorFromArray(at((i) => (i % 3 === 0 ? null : i % 2 === 0)), new Bool()),
    vectorFromArray(at((i) => (['county', 'district', null][i % 3] ?? null)), new Dictionary(new Utf8(), new Int32())),
  ].map((v) => v.data[0]!);
  return new RecordBatch(schema, makeData({ type: new Struct(fields), length, nullCount: 0, children }));
}

describe('arrowRows', () => {
  it('gives the same rows as the row-by-row path, across record batches, with nulls, unicode and BigInt as numbers', () => {
    const table = new Table(schema, [batch(0, 40), batch(40, 25), batch(65, 1)]);
    const rows = arrowRows<Record<string, unknown>>(table);
    expect(rows).toHaveLength(66);
    expect(rows).toEqual(rowByRow(table));
    expect(rows[13]).toEqual({ code: '县13\'"\n𠮷', n: 10, value: 13 / 3, big: 13_000_000, flag: false, kind: 'district' });
    expect(rows[0]).toEqual({ code: null, n: null, value: null, big: null, flag: null, kind: 'county' });
    for (const row of rows) expect(typeof row.big === 'number' || row.big === null).toBe(true);
    expect(Object.keys(rows[1]!)).toEqual(['code', 'n', 'value', 'big', 'flag', 'kind']);
  });

  it('reads an all-ASCII text column in one decode per batch: the same strings, nulls and empty strings, also sliced', () => {
    const asciiFields = [new Field('id', new Utf8(), true), new Field('name', new Utf8(), true)];
    const asciiSchema = new Schema(asciiFields);
    const asciiBatch = (offset: number, length: number, name: (i: number) => string | null) => {
      const at = (f: (i: number) => string | null) => Array.from({ length }, (_, i) => f(offset + i));
      const children = [vectorFromArray(at((i) => (i % 5 === 0 ? null : i % 7 === 0 ? '' : `obs-${i.toString(16)},"x"`)), new Utf8()),
        vectorFromArray(at(name), new Utf8())].map((v) => v.data[0]!);
      return new RecordBatch(asciiSchema, makeData({ type: new Struct(asciiFields), length, nullCount: 0, children }));
    };
    // `name` is ASCII in the first batch only: the whole column is then read through the vector.
    const table = new Table(asciiSchema, [asciiBatch(0, 30, (i) => `p${i}`), asciiBatch(30, 20, (i) => (i % 2 ? '县' : null))]);
    const rows = arrowRows<Record<string, unknown>>(table);
    expect(rows).toEqual(rowByRow(table));
    expect(rows.slice(0, 8).map((r) => r.id)).toEqual([null, 'obs-1,"x"', 'obs-2,"x"', 'obs-3,"x"', 'obs-4,"x"', null, 'obs-6,"x"', '']);
    expect(rows[31]).toEqual({ id: 'obs-1f,"x"', name: '县' });
    const sliced = table.slice(23, 41);
    expect(arrowRows(sliced)).toEqual(rowByRow(sliced));
  });

  it('gives no rows for an empty result', () => {
    expect(arrowRows(new Table(schema))).toEqual([]);
  });
});
