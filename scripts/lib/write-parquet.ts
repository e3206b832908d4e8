/**
 * Writes tables as Parquet with DuckDB itself (@duckdb/node-api): an in-memory database, a
 * table per dataset table with declared column types, rows added through the appender (values
 * never go into SQL text), then `COPY … TO … (FORMAT parquet)`.
 *
 * Determinism: one thread and an explicit ORDER BY on an insertion ordinal, so the row groups
 * and their order cannot depend on scheduling. DuckDB's writer stores no timestamp or path;
 * its only environment-dependent bytes are the `created_by` string naming the DuckDB version
 * (`@duckdb/node-api` is pinned, so it is fixed too).
 * Compression: Snappy (DuckDB's default, stated explicitly), which hyparquet reads without
 * extra codecs; ZSTD would not.
 */
import { DuckDBInstance, type DuckDBAppender } from '@duckdb/node-api';
import { TableBuildError, type Column, type Row, type TableSchema } from './dataset-schema.ts';

const ORDINAL = '__row_order';

/** Double quotes an identifier for SQL. Our names are fixed ascii, but be strict anyway. */
const identifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** A file path as a SQL string literal (COPY takes no bound parameter for its target). */
const pathLiteral = (path: string) => `'${path.replaceAll("'", "''")}'`;

export interface ParquetTable { schema: TableSchema; rows: readonly Row[]; path: string }

/** Writes each table to its path. Rows are written in the order given. */
export async function writeParquetTables(tables: readonly ParquetTable[]): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    for (const { schema, rows, path } of tables) {
      const table = identifier(schema.name);
      const columns = schema.columns.map((c) => `${identifier(c.name)} ${c.type}${c.nullable ? '' : ' NOT NULL'}`);
      await connection.run(`CREATE TABLE ${table} (${ORDINAL} INTEGER NOT NULL, ${columns.join(', ')})`);
      const appender = await connection.createAppender(schema.name);
      try {
        rows.forEach((row, index) => {
          appender.appendInteger(index);
          for (const column of schema.columns) append(appender, column, row[column.name], schema.name);
          appender.endRow();
        });
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
      const selected = schema.columns.map((c) => identifier(c.name)).join(', ');
      await connection.run(
        `COPY (SELECT ${selected} FROM ${table} ORDER BY ${ORDINAL}) TO ${pathLiteral(path)} (FORMAT parquet, COMPRESSION snappy)`,
      );
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function append(appender: DuckDBAppender, column: Column, value: Row[string] | undefined, table: string): void {
  if (value === null || value === undefined) {
    appender.appendNull();
    return;
  }
  switch (column.type) {
    case 'VARCHAR': appender.appendVarchar(value as string); return;
    case 'INTEGER': appender.appendInteger(value as number); return;
    case 'DOUBLE': appender.appendDouble(value as number); return;
    case 'BOOLEAN': appender.appendBoolean(value as boolean); return;
    default: throw new TableBuildError(table, `column ${column.name} has an unsupported type`);
  }
}
