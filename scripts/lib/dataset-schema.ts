/**
 * The tables of the dataset as the pipeline writes them: the schema of src/core/schema/tables.ts
 * (its one declaration) as ordered column lists with declared types. One declaration drives the
 * DuckDB `CREATE TABLE`, the Parquet file, the CSV header and the manifest, so the two file
 * formats cannot drift apart.
 */
import * as schema from '../../src/core/schema/index.ts';

export type { ColumnType, TableName } from '../../src/core/schema/index.ts';

export interface Column {
  name: string;
  type: schema.ColumnType;
  /** May hold null (written as an empty CSV field). Text columns use '' for "none" instead. */
  nullable?: boolean;
}

export interface TableSchema {
  name: schema.TableName;
  columns: readonly Column[];
}

const toSchema = (table: schema.Table): TableSchema => ({ name: table.name as schema.TableName, columns: schema.columnList(table) });

export const OBSERVATIONS = toSchema(schema.OBSERVATIONS);
export const REPORTS = toSchema(schema.REPORTS);
export const REGIONS = toSchema(schema.REGIONS);
export const INDICATORS_TABLE = toSchema(schema.INDICATORS_TABLE);
export const REJECTS = toSchema(schema.REJECTS);
export const DIVISIONS = toSchema(schema.DIVISIONS);

/** In the order they are written and listed in the manifest. */
export const TABLES: readonly TableSchema[] = schema.DATASET_TABLES.map(toSchema);

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** Thrown when a row does not fit its table: the dataset is not written. */
export class TableBuildError extends Error {
  constructor(readonly table: string, message: string) {
    super(`table ${table}: ${message}`);
    this.name = 'TableBuildError';
  }
}

/**
 * Checks every row against the schema (a missing column, a wrong type, a float where an
 * integer belongs, NaN) so a bad value stops the build with a message instead of being
 * coerced by DuckDB or printed oddly in the CSV.
 */
export function validateRows(schema: TableSchema, rows: readonly Row[]): void {
  rows.forEach((row, index) => {
    for (const column of schema.columns) {
      const value = row[column.name];
      const where = () => `row ${index + 1} column ${column.name}`;
      if (value === undefined) throw new TableBuildError(schema.name, `${where()} is missing`);
      if (value === null) {
        if (!column.nullable) throw new TableBuildError(schema.name, `${where()} is null but the column is not nullable`);
        continue;
      }
      switch (column.type) {
        case 'VARCHAR':
          if (typeof value !== 'string') throw new TableBuildError(schema.name, `${where()} must be text, got ${typeof value}`);
          break;
        case 'INTEGER':
          if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > 2 ** 31 - 1) {
            throw new TableBuildError(schema.name, `${where()} must be a 32-bit integer, got ${JSON.stringify(value)}`);
          }
          break;
        case 'DOUBLE':
          if (typeof value !== 'number' || !Number.isFinite(value)) throw new TableBuildError(schema.name, `${where()} must be a finite number, got ${String(value)}`);
          break;
        case 'BOOLEAN':
          if (typeof value !== 'boolean') throw new TableBuildError(schema.name, `${where()} must be true or false, got ${JSON.stringify(value)}`);
          break;
      }
    }
    const extra = Object.keys(row).filter((key) => !schema.columns.some((c) => c.name === key));
    if (extra.length > 0) throw new TableBuildError(schema.name, `row ${index + 1} has columns not in the schema: ${extra.join(', ')}`);
  });
}

/**
 * Removes binary floating-point noise (0.1 + 0.2 = 0.30000000000000004 → 0.3) by keeping 15
 * significant digits, which every double round-trips; printed figures never carry more.
 * Applied to the value before both files are written, so the CSV and the Parquet agree.
 */
export function cleanNumber(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return value;
  return Number(value.toPrecision(15));
}

/** Code-unit order, independent of the machine's locale (String#localeCompare is not). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
