/**
 * What exists where: for every place × indicator, which years have a whole-year figure, which have
 * only part-year figures, which only a qualitative statement. Plus the two questions a researcher
 * asks first: where is a trend possible (≥ 2 whole years for one place), where a comparison
 * (≥ 3 places with a whole-year figure in the same year).
 *
 * Only figures with a number count as data; "whole year" means `period = 'year'`. Year lists come
 * back as comma-joined text (not SQL lists), which both DuckDB drivers return as plain strings.
 */
import type { Db, SqlParam } from '../db.ts';

/** One non-empty cell of the grid. Empty cells are not returned: the grid is sparse. */
export interface CoverageCell {
  region_code: string;
  indicator_id: string;
  /** Years with a whole-year figure, ascending. */
  whole_years: number[];
  /** Years with only part-year figures (monthly, quarterly, "1至8月"), ascending. */
  part_years: number[];
  /** Years with only a qualitative statement (no number), ascending. */
  qual_years: number[];
  /** Rows behind the cell (all kinds). */
  n_obs: number;
  /** …of which the researcher's own (issue 5); absent from older callers. */
  n_user?: number;
}

/** A place as a row of the grid, in province → prefecture → code order. */
export interface CoveragePlace {
  region_code: string;
  region_name: string;
  name_pinyin: string;
  prefecture_code: string;
  prefecture_name: string;
  province_code: string;
  province_name: string;
}

/** Summary of what the data allows. */
export interface CoverageSummary {
  /** Place × indicator pairs with a whole-year figure in at least one year (any year). */
  pairs_with_whole: number;
  /** …of which with whole-year figures in ≥ 2 years: a trend is possible. */
  trend_pairs: number;
  /** Indicators with ≥ 3 places having a whole-year figure in the same year (the chosen year, if any). */
  comparable: ComparableIndicator[];
}

export interface ComparableIndicator {
  indicator_id: string;
  /** The most places with a whole-year figure in one year… */
  max_places: number;
  /** …in this year (the latest of equals). */
  best_year: number;
  /** Years with ≥ 3 such places. */
  n_years: number;
}

/** The least number of places in one year for a comparison to be worth drawing. */
export const MIN_COMPARE_PLACES = 3;
/** The least number of whole years for a trend. */
export const MIN_TREND_YEARS = 2;

const yearFilter = (year: number | null, alias = ''): { sql: string; params: SqlParam[] } =>
  year === null ? { sql: '', params: [] } : { sql: `AND ${alias ? `${alias}.` : ''}year = ?`, params: [year] };

const cellsSql = (where: string) => `
  WITH py AS (
    SELECT region_code, indicator_id, year,
      bool_or(value IS NOT NULL AND period = 'year') AS whole,
      bool_or(value IS NOT NULL) AS numeric,
      count(*) AS n,
      count(*) FILTER (WHERE origin = 'user') AS n_user
    FROM observations
    WHERE true ${where}
    GROUP BY region_code, indicator_id, year
  )
  SELECT region_code, indicator_id,
    string_agg(year::VARCHAR, ',' ORDER BY year) FILTER (WHERE whole) AS whole_years,
    string_agg(year::VARCHAR, ',' ORDER BY year) FILTER (WHERE numeric AND NOT whole) AS part_years,
    string_agg(year::VARCHAR, ',' ORDER BY year) FILTER (WHERE NOT numeric) AS qual_years,
    sum(n)::INTEGER AS n_obs, sum(n_user)::INTEGER AS n_user
  FROM py
  GROUP BY region_code, indicator_id
  ORDER BY region_code, indicator_id`;

type CellRow = Omit<CoverageCell, 'whole_years' | 'part_years' | 'qual_years'> & Record<'whole_years' | 'part_years' | 'qual_years', string | null>;

const years = (joined: string | null): number[] => (joined ? joined.split(',').map(Number) : []);

/** Every non-empty place × indicator cell, for all years or one year. */
export async function coverageCells(db: Db, year: number | null): Promise<CoverageCell[]> {
  const filter = yearFilter(year);
  const rows = await db.query<CellRow>(cellsSql(filter.sql), filter.params);
  // n_user only where there are user rows: the cells of a dashboard without user data stay as they were.
  return rows.map(({ n_user, ...r }) => ({
    ...r, whole_years: years(r.whole_years), part_years: years(r.part_years), qual_years: years(r.qual_years), ...(n_user ? { n_user } : {}),
  }));
}

const PLACES = `
  SELECT * FROM (
  SELECT region_code, region_name, coalesce(name_pinyin, '') AS name_pinyin,
    coalesce(prefecture_code, '') AS prefecture_code, coalesce(prefecture_name, '') AS prefecture_name,
    coalesce(province_code, '') AS province_code, coalesce(province_name, '') AS province_name
  FROM regions
  UNION ALL
  SELECT o.region_code, any_value(o.region_name), '', '', '', '', ''
  FROM observations o ANTI JOIN regions g USING (region_code)
  GROUP BY o.region_code
  ) ORDER BY province_code = '', province_code, prefecture_code, region_code`;

/** Every place the dataset knows (the region table, plus any place that only occurs in observations), grouped for the grid. */
export function coveragePlaces(db: Db): Promise<CoveragePlace[]> {
  return db.query<CoveragePlace>(PLACES);
}

const WHOLE = `SELECT DISTINCT region_code, indicator_id, year FROM observations WHERE value IS NOT NULL AND period = 'year'`;

const TREND = `
  WITH whole AS (${WHOLE}),
  pairs AS (SELECT region_code, indicator_id, count(*) AS n_years FROM whole GROUP BY region_code, indicator_id)
  SELECT count(*)::INTEGER AS pairs_with_whole, count(*) FILTER (WHERE n_years >= ${MIN_TREND_YEARS})::INTEGER AS trend_pairs
  FROM pairs`;

const comparableSql = (where: string) => `
  WITH whole AS (${WHOLE}),
  per_year AS (SELECT indicator_id, year, count(*) AS n_places FROM whole WHERE true ${where} GROUP BY indicator_id, year)
  SELECT indicator_id, max(n_places)::INTEGER AS max_places,
    arg_max(year, n_places * 10000 + year)::INTEGER AS best_year,
    count(*) FILTER (WHERE n_places >= ${MIN_COMPARE_PLACES})::INTEGER AS n_years
  FROM per_year
  GROUP BY indicator_id
  HAVING max(n_places) >= ${MIN_COMPARE_PLACES}
  ORDER BY max_places DESC, indicator_id`;

/** Where trends (any years) and comparisons (all years, or the chosen year) are possible, on whole-year figures only. */
export async function coverageSummary(db: Db, year: number | null): Promise<CoverageSummary> {
  const filter = yearFilter(year);
  const [[trend], comparable] = await Promise.all([
    db.query<Omit<CoverageSummary, 'comparable'>>(TREND),
    db.query<ComparableIndicator>(comparableSql(filter.sql), filter.params),
  ]);
  return { pairs_with_whole: trend?.pairs_with_whole ?? 0, trend_pairs: trend?.trend_pairs ?? 0, comparable };
}

/** A year that occurs in the data, with how many rows and places it has. */
export interface DataYear {
  year: number;
  n_obs: number;
  n_places: number;
}

const YEARS = `
  SELECT year, count(*)::INTEGER AS n_obs, count(DISTINCT region_code)::INTEGER AS n_places
  FROM observations WHERE year IS NOT NULL GROUP BY year ORDER BY year`;

/** The years of the dataset, for year filters. */
export function dataYears(db: Db): Promise<DataYear[]> {
  return db.query<DataYear>(YEARS);
}
