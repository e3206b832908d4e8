/**
 * A dataset column, declared once: its storage type (DuckDB and Parquet), whether it may be null,
 * and its value check (zod), from which its TypeScript type is inferred. Text columns use '' for
 * "none" instead of null; a few are nullable where the contract says so.
 */
import { z } from '../zod-csp.ts';

/** Storage types the dataset uses. INTEGER (not BIGINT) so JS readers get numbers, not BigInt. */
export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';

export interface Column<T = unknown> {
  type: ColumnType;
  nullable: boolean;
  check: z.ZodType<T>;
  /**
   * How the dashboard reads the column from CSV when it differs from `type`: the catalog's booleans
   * stay text ('true' / 'false' / '') so an empty cell can mean "neither".
   */
  readAs?: ColumnType;
  /**
   * An extension older datasets (and the test fixture) lack: the dashboard's loader does not declare
   * it, so a file without it still loads (a file with it has it read as text).
   */
  optional?: boolean;
  /** The allowed values of an enum text column (also in `check`; kept for fast checks of many rows). */
  values?: readonly string[];
}

/** The TypeScript value of a column. */
export type ValueOf<C> = C extends Column<infer T> ? T : never;

const column = <T>(type: ColumnType, check: z.ZodType<T>): Column<T> => ({ type, nullable: false, check });

/** Text; with `values`, one of them (an enum the contract fixes). */
export function text(): Column<string>;
export function text<const E extends string>(values: readonly [E, ...E[]]): Column<E>;
export function text(values?: readonly [string, ...string[]]): Column<string> {
  return values ? { ...column('VARCHAR', z.enum(values)), values } : column('VARCHAR', z.string());
}

/** A 32-bit integer (offsets, years, counts). */
export const int = (): Column<number> => column('INTEGER', z.number().int().min(-(2 ** 31)).max(2 ** 31 - 1));

/** A finite number. */
export const double = (): Column<number> => column('DOUBLE', z.number().finite());

export const bool = (): Column<boolean> => column('BOOLEAN', z.boolean());

/** The same column, allowing null (an empty CSV field). */
export function nullable<T>(c: Column<T>): Column<T | null> {
  return { ...c, nullable: true, check: c.check.nullable() } as Column<T | null>;
}

/** The same column, which a dataset may lack (see `Column.optional`). */
export const optional = <T>(c: Column<T>): Column<T> => ({ ...c, optional: true });

/** The same column, read by the dashboard's CSV loader as another type (see `Column.readAs`). */
export const readAs = <T>(c: Column<T>, type: ColumnType): Column<T> => ({ ...c, readAs: type });
