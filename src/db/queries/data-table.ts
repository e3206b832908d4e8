/**
 * The Data view's table: observations filtered, sorted and read one page at a time (LIMIT/OFFSET),
 * with a separate COUNT, so the page never holds more than a page of rows however large the
 * dataset. The same page query, with a larger page, feeds the CSV download chunk by chunk.
 *
 * The WHERE clause is assembled from fixed fragments, one per active filter; every value is a
 * bound parameter. Text searches use `contains` (no LIKE wildcards to escape).
 */
import { ROW_REPORT_COLUMNS, type RowReport } from './provenance.ts';
import type { Approx, ValueKind } from '../../core/types.ts';
import type { Db, SqlParam } from '../db.ts';
import { codeList, parseFlags, pickOrder, type Origin } from './pick.ts';

export const APPROX_FILTERS = ['all', 'exact', 'approx', 'at_least', 'at_most', 'about'] as const;
export type ApproxFilter = (typeof APPROX_FILTERS)[number];
export const KIND_FILTERS = ['all', 'reported', 'derived'] as const;
export type KindFilter = (typeof KIND_FILTERS)[number];
export const PERIOD_FILTERS = ['all', 'year', 'part'] as const;
export type PeriodFilter = (typeof PERIOD_FILTERS)[number];
export const SORTS = ['place', 'year_desc', 'indicator', 'value_desc'] as const;
export type DataSort = (typeof SORTS)[number];

export interface DataFilters {
  /** null: every indicator. */
  indicatorId: string | null;
  /** Region codes; empty: every place. */
  regionCodes: readonly string[];
  /** Part of a place's name, pinyin, code, or its prefecture's or province's name; '' for none. */
  placeText: string;
  year: number | null;
  kind: KindFilter;
  /** `approx`: anything but exact. */
  approx: ApproxFilter;
  /** `part`: anything but the whole year. */
  period: PeriodFilter;
  /** Text the quote must contain; '' for none. */
  quoteText: string;
}

export const NO_FILTERS: DataFilters = {
  indicatorId: null, regionCodes: [], placeText: '', year: null, kind: 'all', approx: 'all', period: 'all', quoteText: '',
};

/** One row of the table: an observation with its place, indicator and report. */
export interface DataRow extends RowReport {
  obs_id: string;
  region_code: string;
  region_name: string;
  name_pinyin: string;
  province_name: string;
  prefecture_name: string;
  year: number;
  period: string;
  indicator_id: string;
  indicator_name_zh: string;
  indicator_name_en: string;
  value: number | null;
  unit: string;
  approx: Approx;
  value_kind: ValueKind;
  quote: string;
  span_start: number | null;
  span_end: number | null;
  quote_start: number | null;
  derivation: string;
  flags: string[];
  rule_id: string;
  report_id: string;
  /** Rows for the same place, year and indicator (this one included). */
  n_candidates: number;
  /** The row the dashboard's pick rule chooses among them (see pick.ts). */
  chosen_obs_id: string;
  /** Shipped, or the researcher's own (issue 5): its dataset, file, line and column. */
  origin: Origin;
  dataset_id: string;
  file_name: string;
  source_row: number | null;
  source_column: string;
}

/** How much of the dataset the filter covers: rows, and the places, reports and years they come from. */
export interface DataCount {
  n_rows: number;
  n_places: number;
  n_reports: number;
  first_year: number | null;
  last_year: number | null;
  /** Everything in the dataset, to say how sparse the selection is. */
  total_places: number;
  total_reports: number;
}

/**
 * The WHERE clause of a filter (over `o` observations and, when `needsRegions`, `g` regions) with its
 * parameters. The region table is joined only for a place search.
 */
export function whereOf(f: DataFilters): { sql: string; params: SqlParam[]; needsRegions: boolean } {
  const parts: string[] = [];
  const params: SqlParam[] = [];
  const add = (sql: string, ...values: SqlParam[]) => { parts.push(sql); params.push(...values); };
  if (f.indicatorId !== null) add('o.indicator_id = ?', f.indicatorId);
  if (f.regionCodes.length > 0) add(`list_contains(string_split(?, ','), o.region_code)`, codeList(f.regionCodes));
  const place = f.placeText.trim();
  if (place) {
    const folded = place.toLowerCase().replace(/\s+/g, '');
    add(`(contains(o.region_name, ?) OR contains(lower(replace(coalesce(g.name_pinyin, ''), ' ', '')), ?)
      OR starts_with(o.region_code, ?) OR contains(coalesce(g.prefecture_name, ''), ?) OR contains(coalesce(g.province_name, ''), ?))`,
    place, folded, place, place, place);
  }
  if (f.year !== null) add('o.year = ?', f.year);
  if (f.kind !== 'all') add('o.value_kind = ?', f.kind);
  if (f.approx === 'approx') parts.push(`o.approx <> 'exact'`);
  else if (f.approx !== 'all') add('o.approx = ?', f.approx);
  if (f.period === 'year') parts.push(`o.period = 'year'`);
  else if (f.period === 'part') parts.push(`o.period <> 'year'`);
  const quote = f.quoteText.trim();
  if (quote) add(`contains(lower(coalesce(o.quote, '')), ?)`, quote.toLowerCase());
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params, needsRegions: place !== '' };
}

/**
 * The sort orders; `ind` is the indicator's catalog position. Within one place, year and indicator
 * the rows follow the pick rule (a number before a qualitative statement, then pick.ts's order),
 * so the chosen figure comes first. Every order ends on obs_id, so pages never overlap.
 */
const orderBy = (sort: DataSort, ind: string): string => {
  const pick = `(o.value IS NOT NULL) DESC, ${pickOrder('o')}`;
  return {
    place: `o.region_code, o.year, ${ind}, ${pick}`,
    year_desc: `o.year DESC, o.region_code, ${ind}, ${pick}`,
    indicator: `${ind}, o.region_code, o.year, ${pick}`,
    value_desc: `o.value DESC NULLS LAST, o.region_code, o.year, ${pick}`,
  }[sort];
};

/**
 * The page is cut first, carrying only the row ids through the sort (a top-N over the filtered
 * rows: cheap for early pages even on millions of rows, and a narrow sort for deep ones); only the
 * page's rows then get their place, indicator names, report and pick-rule context (the competing
 * rows for the same place, year and indicator, over the whole table, not only the filtered rows).
 */
const pageSql = (where: string, needsRegions: boolean, sort: DataSort) => `
  WITH cut AS (
    SELECT o.obs_id AS cut_id
    FROM observations o
    ${needsRegions ? 'LEFT JOIN regions g USING (region_code)' : ''}
    LEFT JOIN (SELECT indicator_id, rowid AS ord FROM indicators) io USING (indicator_id)
    ${where}
    ORDER BY ${orderBy(sort, 'io.ord NULLS LAST')}
    LIMIT ? OFFSET ?
  ),
  page AS (
    SELECT o.*, coalesce(g.name_pinyin, '') AS name_pinyin,
      coalesce(g.province_name, '') AS province_name, coalesce(g.prefecture_name, '') AS prefecture_name,
      coalesce(io.ord, 1e9) AS indicator_ord
    FROM cut JOIN observations o ON o.obs_id = cut.cut_id
    LEFT JOIN regions g USING (region_code)
    LEFT JOIN (SELECT indicator_id, rowid AS ord FROM indicators) io USING (indicator_id)
  ),
  keys AS (SELECT DISTINCT region_code, year, indicator_id FROM page),
  ranked AS (
    SELECT o.obs_id,
      count(*) OVER w AS n_candidates,
      first_value(o.obs_id) OVER (w ORDER BY (o.value IS NOT NULL) DESC, ${pickOrder('o')}) AS chosen_obs_id
    FROM observations o JOIN keys k USING (region_code, year, indicator_id)
    WINDOW w AS (PARTITION BY o.region_code, o.year, o.indicator_id)
  )
  SELECT o.obs_id, o.region_code, o.region_name, o.name_pinyin, o.province_name, o.prefecture_name,
    o.year, o.period, o.indicator_id,
    coalesce(i.name_zh, o.indicator_id) AS indicator_name_zh, coalesce(i.name_en, i.name_zh, o.indicator_id) AS indicator_name_en,
    o.value, coalesce(o.unit, '') AS unit, o.approx, o.value_kind, coalesce(o.quote, '') AS quote,
    o.span_start, o.span_end, o.quote_start, coalesce(o.derivation, '') AS derivation, o.flags,
    coalesce(o.rule_id, '') AS rule_id, o.report_id,
    ${ROW_REPORT_COLUMNS},
    k.n_candidates::INTEGER AS n_candidates, k.chosen_obs_id,
    coalesce(o.origin, 'shipped') AS origin, coalesce(o.dataset_id, '') AS dataset_id, coalesce(u.file_name, '') AS file_name,
    o.source_row, coalesce(o.source_column, '') AS source_column
  FROM page o
  JOIN ranked k USING (obs_id)
  LEFT JOIN indicators i USING (indicator_id)
  LEFT JOIN reports r USING (report_id)
  LEFT JOIN user_datasets u ON u.dataset_id = o.dataset_id
  ORDER BY ${orderBy(sort, 'o.indicator_ord')}`;

type Row = Omit<DataRow, 'flags'> & { flags: string | null };

/** One page of the filtered rows, in the chosen order. */
export async function dataPage(db: Db, filters: DataFilters, sort: DataSort, limit: number, offset: number): Promise<DataRow[]> {
  const where = whereOf(filters);
  const rows = await db.query<Row>(pageSql(where.sql, where.needsRegions, sort), [...where.params, limit, offset]);
  return rows.map((row) => ({ ...row, flags: parseFlags(row.flags) }));
}

const countSql = (where: string, needsRegions: boolean) => `
  SELECT count(*)::INTEGER AS n_rows, count(DISTINCT o.region_code)::INTEGER AS n_places,
    count(DISTINCT o.report_id)::INTEGER AS n_reports,
    min(o.year)::INTEGER AS first_year, max(o.year)::INTEGER AS last_year,
    (SELECT count(*) FROM (SELECT region_code FROM regions UNION SELECT region_code FROM observations))::INTEGER AS total_places,
    (SELECT count(*) FROM (SELECT report_id FROM reports UNION SELECT report_id FROM observations))::INTEGER AS total_reports
  FROM observations o ${needsRegions ? 'LEFT JOIN regions g USING (region_code)' : ''}
  ${where}`;

/** How many rows match, and from how many places and reports. */
export async function dataCount(db: Db, filters: DataFilters): Promise<DataCount> {
  const where = whereOf(filters);
  const [row] = await db.query<DataCount>(countSql(where.sql, where.needsRegions), where.params);
  return row!;
}

/** The figure's position in its quote (UTF-16 offsets), or null when the span does not fall inside it. */
export function figureSpan(row: Pick<DataRow, 'quote' | 'span_start' | 'span_end' | 'quote_start'>): { start: number; end: number } | null {
  const { quote, span_start: s, span_end: e, quote_start: q } = row;
  if (s === null || e === null || q === null) return null;
  const start = s - q;
  const end = e - q;
  return start >= 0 && end > start && end <= quote.length ? { start, end } : null;
}
