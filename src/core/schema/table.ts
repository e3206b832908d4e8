/**
 * A dataset table, declared once (tables.ts): its columns in file order, the file the dashboard
 * loads, and the columns the dashboard adds for the researcher's own rows. Everything else is
 * derived here: the row type, the zod check, the DuckDB types and the column list the writers use.
 */
import { z } from '../zod-csp.ts';
import type { Column, ColumnType, ValueOf } from './column.ts';

export type Columns = Record<string, Column<unknown>>;

export interface Table<Name extends string = string, C extends Columns = Columns, U extends Columns = Columns> {
  name: Name;
  /** In file order: the contract's columns first, then the project's extensions. */
  columns: C;
  /** The file the dashboard loads, or null when it does not load the table at start-up. */
  file: `${Name}.csv` | null;
  /** false: the dashboard starts without it (an empty table with these columns stands in). */
  required: boolean;
  /** Columns the dashboard adds to the loaded table for the researcher's rows (shipped rows take the default). */
  userColumns: U;
  /** Defaults of the user columns for shipped rows (SQL literals); a column without one is NULL. */
  userDefaults: Partial<Record<keyof U & string, string>>;
}

export function defineTable<const Name extends string, C extends Columns, U extends Columns = Record<never, never>>(
  table: Omit<Table<Name, C, U>, 'userColumns' | 'userDefaults'> & Partial<Pick<Table<Name, C, U>, 'userColumns' | 'userDefaults'>>,
): Table<Name, C, U> {
  return { userColumns: {} as U, userDefaults: {}, ...table };
}

/** One row as the files hold it. */
export type RowOf<T extends Table> = { [K in keyof T['columns']]: ValueOf<T['columns'][K]> };
/** One row as the dashboard's DuckDB holds it: the file's columns and the user columns. */
export type LoadedRowOf<T extends Table> = RowOf<T> & { [K in keyof T['userColumns']]: ValueOf<T['userColumns'][K]> };

/** The zod check of a row (every column present, of its type; no other column). */
export function rowCheck<T extends Table>(table: T): z.ZodType<RowOf<T>> {
  const shape = Object.fromEntries(Object.entries(table.columns).map(([name, c]) => [name, c.check]));
  return z.strictObject(shape) as unknown as z.ZodType<RowOf<T>>;
}

/**
 * The first problem of a row against these columns, as `column: message`, or null. The same rules as
 * the columns' zod checks, by hand: zod's pass over 100k stored rows took ~1.3 s.
 */
export function firstProblem(columns: Columns, row: Readonly<Record<string, unknown>>): string | null {
  for (const [name, c] of Object.entries(columns)) {
    const v = row[name];
    if (v === null && c.nullable) continue;
    const orNull = c.nullable ? ' or null' : '';
    switch (c.type) {
      case 'VARCHAR':
        if (typeof v !== 'string') return `${name}: expected string${orNull}`;
        if (c.values && !c.values.includes(v)) return `${name}: invalid option`;
        break;
      case 'INTEGER':
        if (!Number.isInteger(v)) return `${name}: expected integer${orNull}`;
        break;
      case 'DOUBLE':
        if (typeof v !== 'number' || !Number.isFinite(v)) return `${name}: expected number${orNull}`;
        break;
      case 'BOOLEAN':
        if (typeof v !== 'boolean') return `${name}: expected boolean${orNull}`;
        break;
    }
  }
  return null;
}

/** `{ column: type }` in file order, as the dashboard's CSV loader declares them (`readAs` applied, `optional` ones left out). */
export function readTypes(table: Table): Record<string, ColumnType> {
  return Object.fromEntries(Object.entries(table.columns).filter(([, c]) => !c.optional).map(([name, c]) => [name, c.readAs ?? c.type]));
}

/** `[{ name, type, nullable }]` in file order: what the writers and the manifest list. */
export function columnList(table: Table): Array<{ name: string; type: ColumnType; nullable: boolean }> {
  return Object.entries(table.columns).map(([name, c]) => ({ name, type: c.type, nullable: c.nullable }));
}

/** `[{ name, type, default }]` of the user columns, for `ALTER TABLE … ADD COLUMN`. */
export function userColumnList(table: Table): Array<{ name: string; type: ColumnType; default: string | null }> {
  return Object.entries(table.userColumns).map(([name, c]) => ({ name, type: c.type, default: table.userDefaults[name] ?? null }));
}
