/** The Arrow form of a dataset's rows (arrow-v1): reads back exactly, dictionaries written once, refuses what it cannot hold. */
import { tableFromIPC, Type } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ArrowRowsEncoder, arrowRowsStream, decodeArrowRows } from '../../../src/core/user-data/stored-rows-arrow.ts';
import { decodeStoredRows, STORED_ROW_COLUMNS, StoredRowsError, storedRowsText } from '../../../src/core/user-data/stored-rows.ts';
import { syntheticRows, userObservation } from '../../db/user-dataset-fixture.ts';

describe('stored rows as Arrow', () => {
  const evil = "<img src=x onerror=alert(1)>'; DROP TABLE observations; --\n\"引号\",逗号\r\n𠮷\u0000";
  const rows = [
    userObservation({ value: 0.1 + 0.2, quote: evil, region_name: '', unit: '', source_row: 7 }),
    userObservation({ value: null, source_row: null, source_column: '', flags: ['rate_mismatch', 'x'],
      inputs: [{ indicator_id: 'a.b', role: 'numerator', value: 3, year: 2020, span_start: 4, span_end: 5 }], value_kind: 'derived' }),
    userObservation({ value: -0, region_name: '测试县', quote: '', derivation: 'ratio', span_start: 2 ** 31 - 1, quote_start: -5 }),
    userObservation({ value: 5e-324, period: 'h1', approx: 'about', unit: '件', source_column: '2021年' }),
    userObservation({ value: Number.MAX_VALUE, rule_id: '规则', report_id: 'r-2' }),
    userObservation({ value: 12, table_quote: '全年受理 12 件', table_unit: '件', table_source: 'https://example.gov.cn/a?b=1' }),
  ];

  it('reads back every field exactly: doubles to the bit, NULL apart from empty text, unicode and hostile text as data', () => {
    const back = decodeArrowRows(arrowRowsStream(rows));
    expect(back).toEqual(rows);
    // toEqual treats -0 and 0 alike; the bits must match
    expect(Object.is(back[2]!.value, -0)).toBe(true);
    const bits = (x: number) => new BigUint64Array(new Float64Array([x]).buffer)[0];
    back.forEach((o, i) => expect(o.value === null ? null : bits(o.value)).toBe(rows[i]!.value === null ? null : bits(rows[i]!.value!)));
    expect(back[1]!.source_row).toBeNull();
    expect(back[0]!.region_name).toBe('');
  });

  it('holds the same rows as the CSV form, in the same columns', () => {
    const table = tableFromIPC(arrowRowsStream(rows));
    expect(table.schema.fields.map((f) => f.name)).toEqual([...STORED_ROW_COLUMNS]);
    // (the CSV form writes -0 as '0'; the Arrow form keeps the sign, so that row is left out here)
    const comparable = rows.filter((o) => !Object.is(o.value, -0));
    expect(decodeArrowRows(arrowRowsStream(comparable))).toEqual(decodeStoredRows(storedRowsText(comparable)));
  });

  it('keeps repeated text once per column across batches, quotes plain, each row numbered by its place', () => {
    const many = syntheticRows(2500);
    const encoder = new ArrowRowsEncoder();
    for (let start = 0; start < many.length; start += 1000) encoder.add(many, start, start + 1000);
    expect(encoder.rowCount).toBe(2500);
    const stream = encoder.finish();
    const table = tableFromIPC(stream);
    expect(table.batches.map((b) => b.numRows)).toEqual([1000, 1000, 500]);
    expect(table.schema.fields.find((f) => f.name === 'region_code')!.type.typeId).toBe(Type.Dictionary);
    expect(table.schema.fields.find((f) => f.name === 'quote')!.type.typeId).toBe(Type.Utf8);
    // two places in the synthetic rows: the dictionary holds two values, not 2,500
    expect(table.getChild('region_code')!.data[0]!.dictionary!.length).toBe(2);
    expect(table.getChild('ordinal')!.get(2499)).toBe(2500);
    expect(decodeArrowRows(stream)).toEqual(many);
    // far smaller than the CSV text of the same rows
    expect(stream.length).toBeLessThan(new TextEncoder().encode(storedRowsText(many)).length);
  });

  it.each([
    ['a text year', { year: 'x' as unknown as number }, 'observations.0.year'],
    ['an infinite value', { value: Infinity }, 'observations.0.value'],
    ['a missing quote', { quote: undefined as unknown as string }, 'observations.0.quote'],
    ['a fractional line number', { source_row: 2.5 }, 'observations.0.source_row'],
    ['a span beyond 32 bits', { span_end: 2 ** 31 }, 'observations.0.span_end'],
    ['flags that are not a list', { flags: 'x' as unknown as string[] }, 'observations.0.flags'],
  ])('refuses %s, naming the row and field', (_, over, where) => {
    expect(() => arrowRowsStream([userObservation(over)])).toThrow(StoredRowsError);
    expect(() => arrowRowsStream([userObservation(over)])).toThrow(where);
  });

  it('names a damaged or foreign stream instead of reading it wrongly', () => {
    const stream = arrowRowsStream(rows);
    expect(() => decodeArrowRows(stream.slice(0, 40))).toThrow(StoredRowsError);
    expect(() => decodeArrowRows(new TextEncoder().encode(storedRowsText(rows)))).toThrow(StoredRowsError);
    expect(() => decodeArrowRows(stream, [...STORED_ROW_COLUMNS].reverse())).toThrow('columns: expected');
  });
});
