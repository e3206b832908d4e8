/** Each row once (src/db/sources/row-filter.ts): the filters cut every column alike and keep what is not loaded. */
import { describe, expect, it } from 'vitest';
import { cellText, keepRows, withoutPlaces, withoutYears } from '../../src/db/sources/row-filter.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('row filters', () => {
  it('leave out of a partition the rows of places loaded from their files (codes as UTF-8 bytes, as hyparquet gives them)', () => {
    const columns = { region_code: [utf8('140223'), utf8('140224'), null, utf8('140223')], value: new Float64Array([1, 2, 3, 4]) };
    const out = withoutPlaces(columns, 4, new Set(['140223']));
    expect(out.rows).toBe(2);
    expect(Array.from(out.columns.value!)).toEqual([2, 3]);
    expect((out.columns.region_code as unknown[]).map(cellText)).toEqual(['140224', null]);
    expect(withoutPlaces(columns, 4, new Set())).toEqual({ columns, rows: 4 }); // nothing loaded: untouched
  });

  it('leave out of a place file the years whose partition is loaded, keeping a row without a year', () => {
    const columns = { year: new Int32Array([2022, 2023, 2024]), quote: ['a', 'b', 'c'] };
    const out = withoutYears(columns, 3, new Set([2023]));
    expect(out).toEqual({ columns: { year: [2022, 2024], quote: ['a', 'c'] }, rows: 2 });
    expect(withoutYears({ year: [null, 2023], quote: ['x', 'y'] }, 2, new Set([2023]))).toEqual({ columns: { year: [null], quote: ['x'] }, rows: 1 });
  });

  it('return the same columns when every row is kept', () => {
    const columns = { a: [1, 2] };
    expect(keepRows(columns, 2, () => true).columns).toBe(columns);
    expect(keepRows(columns, 2, () => false)).toEqual({ columns: { a: [] }, rows: 0 });
  });
});
