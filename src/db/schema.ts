/**
 * The dataset tables (DATA-CONTRACT.md §3 plus the pipeline's extension columns) and the SQL that
 * loads each CSV with declared column types. Columns not declared here are still loaded (read as
 * text), so the pipeline can add columns without breaking the dashboard.
 */

export type TableName = 'observations' | 'reports' | 'regions' | 'indicators' | 'rejects';

type ColumnTypes = Record<string, 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN'>;

export interface TableSpec {
  name: TableName;
  file: string;
  /** false: the dashboard starts without it (an empty table with these columns stands in). */
  required: boolean;
  columns: ColumnTypes;
}

const text = (...names: string[]): ColumnTypes => Object.fromEntries(names.map((n) => [n, 'VARCHAR'])) as ColumnTypes;

export const TABLES: readonly TableSpec[] = [
  {
    name: 'observations', file: 'observations.csv', required: true,
    columns: {
      ...text('region_code', 'region_name', 'period', 'indicator_id', 'unit', 'approx', 'value_kind', 'report_id', 'quote', 'rule_id', 'derivation', 'inputs', 'flags', 'publisher_kind', 'obs_id'),
      year: 'INTEGER', value: 'DOUBLE', span_start: 'INTEGER', span_end: 'INTEGER', quote_start: 'INTEGER',
    },
  },
  {
    name: 'reports', file: 'reports.csv', required: true,
    columns: { ...text('report_id', 'region_code', 'region_name', 'publisher', 'publisher_kind', 'title', 'url', 'published', 'coverage', 'sha256'), year: 'INTEGER', chars: 'INTEGER' },
  },
  {
    name: 'regions', file: 'regions.csv', required: true,
    columns: text('region_code', 'region_name', 'name_pinyin', 'level', 'prefecture_code', 'prefecture_name', 'province_code', 'province_name'),
  },
  {
    name: 'indicators', file: 'indicators.csv', required: true,
    columns: { ...text('indicator_id', 'name_zh', 'name_en', 'unit', 'category', 'higher_is_better', 'definition_zh', 'definition_en', 'core', 'category_zh', 'category_en') },
  },
  {
    name: 'rejects', file: 'rejects.csv', required: false,
    columns: { ...text('report_id', 'indicator_id', 'rule_id', 'reason', 'text', 'quote'), span_start: 'INTEGER', span_end: 'INTEGER', ...text('frame') },
  },
];

/** A SQL string literal. Only for file names we choose ourselves; values are always bound. */
const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * `CREATE TABLE <name> AS SELECT * FROM read_csv(<path>, …)`: header row, RFC 4180 quoting (quoted
 * newlines allowed), declared types for the contract's columns, every other column as text.
 * `higher_is_better` and `core` stay text ('true'/'false'/'') because an empty cell means "neither".
 */
export function loadTableSql(table: TableSpec, path: string): string {
  const types = Object.entries(table.columns).map(([column, type]) => `${literal(column)}: '${type}'`).join(', ');
  return `CREATE OR REPLACE TABLE ${table.name} AS SELECT * FROM read_csv(${literal(path)},
    header = true, delim = ',', quote = '"', escape = '"', encoding = 'utf-8',
    auto_type_candidates = ['VARCHAR'], types = {${types}})`;
}

/** An empty stand-in for an optional table the dataset does not ship. */
export function emptyTableSql(table: TableSpec): string {
  const columns = Object.entries(table.columns).map(([column, type]) => `"${column}" ${type}`).join(', ');
  return `CREATE OR REPLACE TABLE ${table.name} (${columns})`;
}

/** Creates every table: from its file where `pathOf` names one, empty where it returns null (optional tables only). */
export async function createTables(exec: (sql: string) => Promise<void>, pathOf: (table: TableSpec) => string | null): Promise<void> {
  for (const table of TABLES) {
    const path = pathOf(table);
    if (path === null && table.required) throw new Error(`The dataset has no ${table.file}`);
    await exec(path === null ? emptyTableSql(table) : loadTableSql(table, path));
  }
}
