/**
 * The dashboard's tables and the SQL that loads each CSV with declared column types, derived from
 * the dataset schema (src/core/schema/tables.ts): the tables the page loads at start-up, with the
 * types their columns are read as. A column a file has beyond the schema is still loaded (as text).
 */
import { DATASET_TABLES, readTypes, type ColumnType } from '../core/schema/index.ts';
import { SHIPPED_ONLY_VIEW_SQL, physicalTableName } from './observations-view.ts';

export type TableName = 'observations' | 'reports' | 'regions' | 'indicators' | 'rejects';

type ColumnTypes = Record<string, ColumnType>;

export interface TableSpec {
  name: TableName;
  file: string;
  /** false: the dashboard starts without it (an empty table with these columns stands in). */
  required: boolean;
  columns: ColumnTypes;
  /** Extensions an older dataset (or the test fixture) may lack: added empty after loading, so queries can name them. */
  optionalColumns: ColumnTypes;
}

/** Every table with a file the page loads (`divisions` is fetched only by the import view). */
export const TABLES: readonly TableSpec[] = DATASET_TABLES.flatMap((table) => (table.file === null ? [] : [{
  name: table.name as TableName, file: table.file, required: table.required, columns: readTypes(table),
  optionalColumns: Object.fromEntries(Object.entries(table.columns).filter(([, c]) => c.optional).map(([name, c]) => [name, c.readAs ?? c.type])),
}]));

/** A SQL string literal. Only for file names we choose ourselves; values are always bound. */
const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * `CREATE TABLE <name> AS SELECT * FROM read_csv(<path>, …)`: header row, RFC 4180 quoting (quoted
 * newlines allowed), declared types for the contract's columns, every other column as text.
 * `higher_is_better` and `core` stay text ('true'/'false'/'') because an empty cell means "neither".
 */
export function loadTableSql(table: TableSpec, path: string): string {
  const types = Object.entries(table.columns).map(([column, type]) => `${literal(column)}: '${type}'`).join(', ');
  return `CREATE OR REPLACE TABLE ${physicalTableName(table.name)} AS SELECT * FROM read_csv(${literal(path)},
    header = true, delim = ',', quote = '"', escape = '"', encoding = 'utf-8',
    auto_type_candidates = ['VARCHAR'], types = {${types}})`;
}

/** An empty stand-in for an optional table the dataset does not ship. */
export function emptyTableSql(table: TableSpec): string {
  const columns = Object.entries(table.columns).map(([column, type]) => `"${column}" ${type}`).join(', ');
  return `CREATE OR REPLACE TABLE ${physicalTableName(table.name)} (${columns})`;
}

/** Adds the optional columns a loaded file lacks ('' for text, null otherwise); a column the file has is kept as read. */
export function addOptionalColumnsSql(table: TableSpec): string[] {
  return Object.entries(table.optionalColumns).map(([column, type]) =>
    `ALTER TABLE ${physicalTableName(table.name)} ADD COLUMN IF NOT EXISTS "${column}" ${type}${type === 'VARCHAR' ? " DEFAULT ''" : ''}`);
}

/** Creates every table: from its file where `pathOf` names one, empty where it returns null (optional tables only); the observations' under its physical name, read through the view. */
export async function createTables(exec: (sql: string) => Promise<void>, pathOf: (table: TableSpec) => string | null): Promise<void> {
  for (const table of TABLES) {
    const path = pathOf(table);
    if (path === null && table.required) throw new Error(`The dataset has no ${table.file}`);
    await exec(path === null ? emptyTableSql(table) : loadTableSql(table, path));
    for (const sql of addOptionalColumnsSql(table)) await exec(sql);
  }
  await exec(SHIPPED_ONLY_VIEW_SQL); // `observations` is a view over the shipped rows and the user datasets (observations-view.ts)
}
