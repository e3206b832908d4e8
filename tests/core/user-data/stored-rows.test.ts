/** The stored form of a dataset's rows: one CSV text that reads back exactly, and refuses what it cannot hold. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { decodeStoredRows, encodeStoredRows, STORED_ROW_COLUMNS, StoredRowsError, storedRowsHeader, storedRowsText } from '../../../src/core/user-data/stored-rows.ts';
import { userObservation } from '../../db/user-dataset-fixture.ts';

describe('stored rows', () => {
  const evil = "<img src=x onerror=alert(1)>'; DROP TABLE observations; --\n\"引号\",逗号\r\n";
  const rows = [
    userObservation({ value: 0.1 + 0.2, quote: evil, region_name: '', unit: '', source_row: 7, table_quote: evil, table_unit: '件', table_source: 'javascript:alert(1)' }),
    userObservation({ value: null, source_row: null, source_column: '', flags: ['rate_mismatch', 'x'],
      inputs: [{ indicator_id: 'a.b', role: 'numerator', value: 3, year: 2020, span_start: 4, span_end: 5 }], value_kind: 'derived' }),
  ];

  it('reads back every field exactly: doubles to the bit, NULL apart from empty text, hostile text as data', () => {
    expect(decodeStoredRows(storedRowsText(rows))).toEqual(rows);
  });

  it('reads an older blob, whose stored column list ends before the table\'s own quote, unit and source', () => {
    const older = STORED_ROW_COLUMNS.slice(0, STORED_ROW_COLUMNS.indexOf('table_quote'));
    expect(older.at(-1)).toBe('source_column');
    // The blob as the earlier version wrote it: the same records without their last three cells.
    const records = Papa.parse<string[]>(storedRowsText(rows), { skipEmptyLines: true }).data;
    const oldText = `${Papa.unparse(records.map((r) => r.slice(0, older.length)), { quotes: true, newline: '\n' })}\n`;
    const read = decodeStoredRows(oldText, older);
    expect(read.map(({ table_quote: q, table_unit: u, table_source: s, ...rest }) => [q, u, s, rest])).toEqual(
      rows.map(({ table_quote: _q, table_unit: _u, table_source: _s, ...rest }) => [undefined, undefined, undefined, rest]));
  });

  it('is written in batches that join into the same text, each row numbered by its place in the dataset', () => {
    const batched = storedRowsHeader() + encodeStoredRows(rows, 0, 1) + encodeStoredRows(rows, 1, 5);
    expect(batched).toBe(storedRowsText(rows));
    expect(batched.split('\n')[0]).toBe(STORED_ROW_COLUMNS.map((c) => `"${c}"`).join(','));
    expect(encodeStoredRows(rows, 1, 2).startsWith('2,')).toBe(true);
  });

  it.each([
    ['a text year', { year: 'x' as unknown as number }, 'observations.0.year'],
    ['an infinite value', { value: Infinity }, 'observations.0.value'],
    ['a missing quote', { quote: undefined as unknown as string }, 'observations.0.quote'],
    ['a fractional line number', { source_row: 2.5 }, 'observations.0.source_row'],
  ])('refuses %s, naming the row and field', (_, over, where) => {
    expect(() => storedRowsText([userObservation(over)])).toThrow(StoredRowsError);
    expect(() => storedRowsText([userObservation(over)])).toThrow(where);
  });

  it('names a damaged text by line and column instead of reading it wrongly', () => {
    const text = storedRowsText(rows);
    expect(() => decodeStoredRows(text.replace(/^"ordinal"/, '"position"'))).toThrow('header');
    const [header, first] = storedRowsText([userObservation()]).split('\n');
    expect(() => decodeStoredRows(`${header}\n${first!.replace(/^1,/, 'one,')}\n`)).toThrow('line 2, ordinal');
  });
});
