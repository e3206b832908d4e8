/**
 * Pre-aggregated tables: what the dashboard asks about the whole dataset (which places have an
 * indicator, in which years, how many) without reading every observation. One definition, run in
 * two places so both give the same answer:
 * - the CSV source computes it in the browser right after loading `observations` (small datasets);
 * - `scripts/gen-synthetic.ts` (and any national-scale publisher) computes it once and ships it as
 *   `coverage.parquet`, so a view that needs only these answers fetches no observation partition.
 *
 * `coverage`: one row per place × indicator with at least one row. Year lists are comma-joined
 * text ascending (flat columns: any Parquet reader decodes them), as in queries/coverage.ts.
 */
import type { TableSpec } from './schema.ts';

/** The columns of `coverage`, as the partitioned source declares them when it inserts the shipped file. */
export const COVERAGE_TABLE: Pick<TableSpec, 'columns'> & { name: 'coverage' } = {
  name: 'coverage',
  columns: {
    region_code: 'VARCHAR', region_name: 'VARCHAR', indicator_id: 'VARCHAR',
    whole_years: 'VARCHAR', part_years: 'VARCHAR', qual_years: 'VARCHAR',
    n_years: 'INTEGER', first_year: 'INTEGER', last_year: 'INTEGER',
    n_values: 'INTEGER', n_qualitative: 'INTEGER', n_obs: 'INTEGER',
  },
};

/**
 * The SELECT that builds `coverage` from `observations`. "whole" = a number covering the whole
 * year (`period = 'year'`); "part" = numbers but only part-year; "qual" = only a qualitative
 * statement; n_years/first_year/last_year count years with any number.
 *
 * Each year list is `list` then `list_sort`, not `string_agg(… ORDER BY year)`: DuckDB's ordered
 * aggregate keeps a sort state per group, and with a million stored user rows (28,000 place ×
 * indicator groups) it grew duckdb-wasm's heap from 200 MB to 1.37 GB and took 14–39 s under load
 * 11–19, against 6 s and +40 MB for the same text (measured in duckdb-wasm's Node build, identical
 * rows both ways: docs/BENCHMARKS.md "Start-up with 1,000,000 stored rows: the first answer first").
 */
export const COVERAGE_SELECT = `
  WITH py AS (
    SELECT region_code, indicator_id, year, any_value(region_name) AS region_name,
      bool_or(value IS NOT NULL AND period = 'year') AS whole,
      bool_or(value IS NOT NULL) AS numeric,
      count(*) FILTER (WHERE value IS NOT NULL) AS n_values,
      count(*) FILTER (WHERE value IS NULL) AS n_qualitative,
      count(*) AS n
    FROM observations
    WHERE year IS NOT NULL
    GROUP BY region_code, indicator_id, year
  )
  SELECT region_code, any_value(region_name) AS region_name, indicator_id,
    coalesce(array_to_string(list_sort(list(year) FILTER (WHERE whole)), ','), '') AS whole_years,
    coalesce(array_to_string(list_sort(list(year) FILTER (WHERE numeric AND NOT whole)), ','), '') AS part_years,
    coalesce(array_to_string(list_sort(list(year) FILTER (WHERE NOT numeric)), ','), '') AS qual_years,
    (count(*) FILTER (WHERE numeric))::INTEGER AS n_years,
    (min(year) FILTER (WHERE numeric))::INTEGER AS first_year,
    (max(year) FILTER (WHERE numeric))::INTEGER AS last_year,
    sum(n_values)::INTEGER AS n_values, sum(n_qualitative)::INTEGER AS n_qualitative, sum(n)::INTEGER AS n_obs
  FROM py
  GROUP BY region_code, indicator_id
  ORDER BY region_code, indicator_id`;

/** Creates `coverage` from the loaded `observations` (the CSV source). */
export const CREATE_COVERAGE_SQL = `CREATE OR REPLACE TABLE coverage AS ${COVERAGE_SELECT}`;

/** Recomputes `coverage` (after the user rows changed, where the page computed it). */
export const recomputeCoverage = (db: { exec(sql: string): Promise<void> }): Promise<void> => db.exec(CREATE_COVERAGE_SQL);

/** An empty `coverage` for the shipped file's rows to be appended to. */
export const CREATE_EMPTY_COVERAGE_SQL = `CREATE OR REPLACE TABLE coverage (${Object.entries(COVERAGE_TABLE.columns).map(([c, t]) => `"${c}" ${t}`).join(', ')})`;

/** `years` of a coverage row as SQL: the numeric years (whole and part-year) as an INTEGER list. */
export const numericYearsSql = (alias = ''): string => {
  const c = alias ? `${alias}.` : '';
  return `list_transform(string_split(nullif(concat_ws(',', nullif(${c}whole_years, ''), nullif(${c}part_years, '')), ''), ','), y -> y::INTEGER)`;
};
