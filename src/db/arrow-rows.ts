/**
 * A query's Arrow result as plain row objects, decoded column by column: each column's vector is
 * walked once and its values set on the rows, instead of one StructRow proxy and `toJSON` per row.
 * Measured in Node (apache-arrow 17, 8 columns, warm): 3,213 rows 120 ms → 1.6 ms, 100,000 rows
 * 2.4 s → 0.3 s; a start-up trace had shown the row-by-row path as one 877 ms main-thread task.
 * Each value made plain as the row-by-row path makes it (`plainValue`, db.ts: BigInt → number).
 */
import { plainValue } from './db.ts';

interface ArrowColumns {
  readonly numRows: number;
  readonly schema: { readonly fields: ReadonlyArray<{ readonly name: string }> };
  getChildAt(index: number): Iterable<unknown> | null;
}

export function arrowRows<T>(table: ArrowColumns): T[] {
  const rows: Array<Record<string, unknown>> = new Array<Record<string, unknown>>(table.numRows);
  for (let i = 0; i < rows.length; i += 1) rows[i] = {};
  table.schema.fields.forEach((field, index) => {
    const column = table.getChildAt(index);
    if (!column) return;
    let i = 0;
    for (const value of column) {
      rows[i]![field.name] = plainValue(value);
      i += 1;
    }
  });
  return rows as T[];
}
