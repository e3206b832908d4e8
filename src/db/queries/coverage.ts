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
  /** …of which the researcher's own (我的数据); absent from older callers. */
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
  /** The prefecture's and province's names romanised (Datong, Shanxi); '' or absent when unknown. */
  prefecture_pinyin?: string;
  province_pinyin?: string;
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
    -- list + list_sort, not string_agg(… ORDER BY year): the ordered aggregate's per-group sort state
    -- grew duckdb-wasm's heap by 1.1 GB with a million stored rows (src/db/pre-aggregates.ts COVERAGE_SELECT).
    array_to_string(list_sort(list(year) FILTER (WHERE whole)), ',') AS whole_years,
    array_to_string(list_sort(list(year) FILTER (WHERE numeric AND NOT whole)), ',') AS part_years,
    array_to_string(list_sort(list(year) FILTER (WHERE NOT numeric)), ',') AS qual_years,
    sum(n)::INTEGER AS n_obs, sum(n_user)::INTEGER AS n_user
  FROM py
  GROUP BY region_code, indicator_id
  ORDER BY region_code, indicator_id`;

type CellRow = Omit<CoverageCell, 'whole_years' | 'part_years' | 'qual_years'> & Record<'whole_years' | 'part_years' | 'qual_years', string | null>;

const years = (joined: string | null): number[] => (joined ? joined.split(',').map(Number) : []);

/**
 * The same cells at national scale (≈ 3 M rows → 285 k cells): one aggregation over place ×
 * indicator (not place × indicator × year) with each kind of year as a bit mask (bit = year −
 * first year), packed into one text per place, so the drivers hand over ≈ 2,850 rows instead of
 * 285 k (materialising row objects, not the aggregation, was most of the cost). Masks stay below
 * 2^53 (exact as doubles): a dataset spanning more than 52 years takes the year-by-year query above.
 * (The first year is cast: duckdb-wasm binds a JS number as DOUBLE, and `<<` takes integers only.)
 */
const MAX_MASK_YEARS = 52;
const SPAN = `SELECT min(year)::INTEGER AS first_year, max(year)::INTEGER AS last_year FROM observations WHERE true`;
const FIELD = '\u001f';
const CELL = '\u001e';
const packedSql = (where: string) => `
  WITH m AS (
    SELECT region_code, coalesce(indicator_id, '') AS indicator_id,
      coalesce(bit_or(CASE WHEN value IS NOT NULL AND period = 'year' THEN 1::BIGINT << (year - CAST(? AS INTEGER)) END), 0) AS whole,
      coalesce(bit_or(CASE WHEN value IS NOT NULL THEN 1::BIGINT << (year - CAST(? AS INTEGER)) END), 0) AS numeric,
      coalesce(bit_or(1::BIGINT << (year - CAST(? AS INTEGER))), 0) AS any_year,
      count(*) AS n,
      count(*) FILTER (WHERE origin = 'user') AS n_user
    FROM observations
    WHERE true ${where}
    GROUP BY ALL
  )
  SELECT region_code, string_agg(concat_ws(chr(31), indicator_id, whole, numeric, any_year, n, n_user), chr(30)) AS cells
  FROM m GROUP BY region_code`;

/** The years of a mask (bit b = first + b), ascending; arithmetic, not bit operators (those stop at 32 bits). */
function maskYears(mask: number, first: number): number[] {
  const out: number[] = [];
  for (let bit = 0, m = mask; m > 0; bit += 1, m = Math.floor(m / 2)) if (m % 2 === 1) out.push(first + bit);
  return out;
}

/** Every non-empty place × indicator cell, for all years or one year, sorted by place then indicator. */
export async function coverageCells(db: Db, year: number | null): Promise<CoverageCell[]> {
  const filter = yearFilter(year);
  const [span] = await db.query<{ first_year: number | null; last_year: number | null }>(`${SPAN} ${filter.sql}`, filter.params);
  if (!span || span.first_year === null || span.last_year === null) return [];
  if (span.last_year - span.first_year > MAX_MASK_YEARS) return coverageCellsByYear(db, year);
  const first = span.first_year;
  const rows = await db.query<{ region_code: string; cells: string | null }>(packedSql(filter.sql), [first, first, first, ...filter.params]);
  const cells: CoverageCell[] = [];
  for (const row of rows) {
    for (const packed of (row.cells ?? '').split(CELL)) {
      if (!packed) continue;
      const [indicatorId, whole, numeric, anyYear, n, nUser] = packed.split(FIELD) as [string, string, string, string, string, string];
      const w = Number(whole);
      const num = Number(numeric);
      const all = Number(anyYear);
      cells.push({
        region_code: row.region_code, indicator_id: indicatorId,
        whole_years: maskYears(w, first),
        part_years: maskYears(num - w, first), // whole ⊆ numeric, so the difference is the numeric-but-not-whole years
        qual_years: maskYears(all - num, first),
        n_obs: Number(n),
        // n_user only where there are user rows: the cells of a dashboard without user data stay as they were.
        ...(Number(nUser) > 0 ? { n_user: Number(nUser) } : {}),
      });
    }
  }
  return cells.sort((a, b) => (a.region_code < b.region_code ? -1 : a.region_code > b.region_code ? 1 : a.indicator_id < b.indicator_id ? -1 : a.indicator_id > b.indicator_id ? 1 : 0));
}

/** The year-by-year form of the cells (any span of years). */
export async function coverageCellsByYear(db: Db, year: number | null): Promise<CoverageCell[]> {
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
    coalesce(province_code, '') AS province_code, coalesce(province_name, '') AS province_name,
    coalesce(prefecture_pinyin, '') AS prefecture_pinyin, coalesce(province_pinyin, '') AS province_pinyin
  FROM regions
  UNION ALL
  SELECT o.region_code, any_value(o.region_name), '', '', '', '', '', '', ''
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
