/**
 * The one narrow door to the database (STYLE.md, after Mosaic): `query` with bound parameters
 * and `exec` for statements without results. The browser implementation is `wasm-db.ts`;
 * tests run the same typed queries through a Node implementation (tests/db/node-db.ts).
 */

/** A value bound to a `?` placeholder. Lists are passed as one string and split in SQL. */
export type SqlParam = string | number | boolean | null;

export interface Db {
  /** Runs one statement as a prepared statement with positional `?` parameters; rows as plain objects. */
  query<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  /** Runs statements that return nothing (schema, loading). */
  exec(sql: string): Promise<void>;
}

/** A failed statement keeps the SQL and parameters, so a bug report is one copy-paste. */
export class QueryError extends Error {
  readonly sql: string;
  readonly params: readonly SqlParam[];

  constructor(sql: string, params: readonly SqlParam[], cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`${reason}\n-- SQL:\n${sql.trim()}\n-- params: ${JSON.stringify(params)}`, { cause });
    this.name = 'QueryError';
    this.sql = sql;
    this.params = params;
  }
}

/** BIGINT/HUGEINT arrive as BigInt, which React cannot render and JSON cannot hold: made a number. */
export const plainValue = (value: unknown): unknown => (typeof value === 'bigint' ? Number(value) : value);

/** A row with every value made plain (`plainValue`). */
export function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = plainValue(value);
  return out;
}

/** Runs `run` and re-throws any failure as a QueryError carrying the statement. */
export async function withSql<T>(sql: string, params: readonly SqlParam[], run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof QueryError ? error : new QueryError(sql, params, error);
  }
}
