/**
 * The Data view's table: observations filtered, sorted and read one page at a time (keyset
 * pagination: the rows after the last one shown), with a separate COUNT, so the page never holds
 * more than a page of rows however large the dataset. The same page query, with a larger page,
 * feeds the CSV download chunk by chunk.
 *
 * The WHERE clause is assembled from fixed fragments, one per active filter; every value is a
 * bound parameter. Text searches use `contains` (no LIKE wildcards to escape).
 */
import { ROW_REPORT_COLUMNS, type RowReport } from './provenance.ts';
import type { Approx, ValueKind } from '../../core/types.ts';
import type { Db, SqlParam } from '../db.ts';
import { codeList, parseFlags, pickOrder, type Origin } from './pick.ts';
import { cheapLead, compareSql, keyNames, sortKeys, type KeyValue, type SortKey } from './data-table-keys.ts';
export type { SortKey } from './data-table-keys.ts';

export const APPROX_FILTERS = ['all', 'exact', 'approx', 'at_least', 'at_most', 'about'] as const;
export type ApproxFilter = (typeof APPROX_FILTERS)[number];
export const KIND_FILTERS = ['all', 'reported', 'derived'] as const;
export type KindFilter = (typeof KIND_FILTERS)[number];
export const PERIOD_FILTERS = ['all', 'year', 'part'] as const;
export type PeriodFilter = (typeof PERIOD_FILTERS)[number];
/** Whose rows: the published data, or the researcher's own (我的数据). */
export const ORIGIN_FILTERS = ['all', 'shipped', 'user'] as const;
export type OriginFilter = (typeof ORIGIN_FILTERS)[number];
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
  origin: OriginFilter;
}

export const NO_FILTERS: DataFilters = {
  indicatorId: null, regionCodes: [], placeText: '', year: null, kind: 'all', approx: 'all', period: 'all', quoteText: '', origin: 'all',
};

/** One row of the table: an observation with its place, indicator and report. */
export interface DataRow extends RowReport {
  obs_id: string;
  region_code: string;
  region_name: string;
  name_pinyin: string;
  province_name: string;
  prefecture_name: string;
  /** The prefecture's and province's names romanised (Datong, Shanxi); '' when unknown. */
  prefecture_pinyin: string;
  province_pinyin: string;
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
  /** Shipped, or the researcher's own (我的数据): its dataset, file, line and column. */
  origin: Origin;
  dataset_id: string;
  file_name: string;
  source_row: number | null;
  source_column: string;
  /** A table row's own quote, unit and source columns, as written ('' when none). */
  table_quote: string;
  table_unit: string;
  table_source: string;
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
  if (f.origin !== 'all') add(`coalesce(o.origin, 'shipped') = ?`, f.origin);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params, needsRegions: place !== '' };
}

/**
 * The page is cut first, carrying only the row ids and their sort keys (data-table-keys.ts) through
 * the sort: a top-N over the filtered rows, cheap for any page reached by seeking (the rows after
 * or before a key) and for the last page (the first page of the reversed order); only OFFSET to a
 * deep page has to sort as many rows as it skips. Only the page's rows then get their place,
 * indicator names, report and pick-rule context (the competing rows for the same place, year and
 * indicator, over the whole table, not only the filtered rows).
 *
 * Computing every key (the pick rule's dozen, and the indicator's position through a join) for
 * millions of rows costs more than the sort, so where a sort starts with plain columns a first
 * top-N on those alone finds how far the page can reach (`bound`: the n-th leading tuple after the
 * cursor's), and only rows between the cursor's leading tuple and that bound get every key. Exact:
 * every row of the page lies in that window.
 */
function cutSql(where: { sql: string; params: SqlParam[]; needsRegions: boolean }, sort: DataSort, at: PageAt, limit: number) {
  const keys = sortKeys(sort, 'io.ord::INTEGER');
  const names = keyNames(keys.length);
  const backwards = at.at === 'before' || at.at === 'last';
  const desc = backwards ? ' DESC' : '';
  const cursor: SqlParam[] = at.at === 'after' || at.at === 'before' ? [...at.key] : [];
  const offset = at.at === 'offset' ? at.offset : 0;
  const nLead = cheapLead(sort);
  const lead = names.slice(0, nLead);
  const params: SqlParam[] = [];
  const and = (base: string, extra: string[]) => (extra.length === 0 ? base : `${base ? `${base} AND` : 'WHERE'} ${extra.join(' AND ')}`);
  const from = `FROM observations o ${where.needsRegions ? 'LEFT JOIN regions g USING (region_code)' : ''}`;

  // bound: the leading tuple reached `limit + offset` rows strictly past the cursor's leading tuple
  // (a bound at least as far as needed); win: the rows inside it; keyed: every key, for those rows only.
  let sql = '\n  WITH';
  const window: string[] = [];
  const windowParams: SqlParam[] = [];
  if (nLead > 0) {
    const seekLead = cursor.length ? [compareSql(keys.slice(0, nLead), backwards ? '<' : '>')] : [];
    sql += `
  bound AS (
    SELECT count(*) AS n, ${backwards ? 'min' : 'max'}((${lead.join(', ')})) AS b FROM (
      SELECT ${keys.slice(0, nLead).map((k, i) => `${k} AS ${lead[i]}`).join(', ')}
      ${from} ${and(where.sql, seekLead)}
      ORDER BY ${lead.map((k) => `${k}${desc}`).join(', ')} LIMIT ?
    )
  ),`;
    params.push(...where.params, ...(seekLead.length ? cursor.slice(0, nLead) : []), limit + offset);
    window.push(`((SELECT n FROM bound) < ? OR (${keys.slice(0, nLead).join(', ')}) ${backwards ? '>=' : '<='} (SELECT b FROM bound))`);
    windowParams.push(limit + offset);
    if (cursor.length) {
      window.push(compareSql(keys.slice(0, nLead), backwards ? '<=' : '>='));
      windowParams.push(...cursor.slice(0, nLead));
    }
  }
  sql += `
  win AS (SELECT o.* ${from} ${and(where.sql, window)}),
  keyed AS (
    SELECT o.obs_id AS cut_id, ${keys.map((k, i) => `${k} AS ${names[i]}`).join(', ')}
    FROM win o LEFT JOIN (SELECT indicator_id, rowid AS ord FROM indicators) io USING (indicator_id)
  ),`;
  params.push(...where.params, ...windowParams);
  const seek = cursor.length ? [compareSql(names, backwards ? '<' : '>')] : [];
  params.push(...cursor);
  sql += `
  cut AS (
    SELECT * FROM keyed ${and('', seek)}
    ORDER BY ${names.map((k) => `${k}${desc}`).join(', ')}
    LIMIT ? ${at.at === 'offset' ? 'OFFSET ?' : ''}
  ),`;
  params.push(limit, ...(at.at === 'offset' ? [offset] : []));
  return { sql, params, names };
}

const pageSql = (cut: string, names: string[]) => `${cut}
  page AS (
    SELECT o.*, cut.* EXCLUDE (cut_id), coalesce(g.name_pinyin, '') AS name_pinyin,
      coalesce(g.province_name, '') AS province_name, coalesce(g.prefecture_name, '') AS prefecture_name,
      coalesce(g.prefecture_pinyin, '') AS prefecture_pinyin, coalesce(g.province_pinyin, '') AS province_pinyin
    FROM cut JOIN observations o ON o.obs_id = cut.cut_id
    LEFT JOIN regions g USING (region_code)
  ),
  keys AS (SELECT DISTINCT region_code, year, indicator_id FROM page),
  ranked AS (
    SELECT o.obs_id,
      count(*) OVER w AS n_candidates,
      first_value(o.obs_id) OVER (w ORDER BY ${pickOrder('o')}) AS chosen_obs_id
    FROM observations o JOIN keys k ON o.region_code IS NOT DISTINCT FROM k.region_code
      AND o.year IS NOT DISTINCT FROM k.year AND o.indicator_id IS NOT DISTINCT FROM k.indicator_id
    WINDOW w AS (PARTITION BY o.region_code, o.year, o.indicator_id)
  )
  SELECT o.obs_id, o.region_code, o.region_name, o.name_pinyin, o.province_name, o.prefecture_name, o.prefecture_pinyin, o.province_pinyin,
    o.year, o.period, o.indicator_id,
    coalesce(i.name_zh, o.indicator_id) AS indicator_name_zh, coalesce(i.name_en, i.name_zh, o.indicator_id) AS indicator_name_en,
    o.value, coalesce(o.unit, '') AS unit, o.approx, o.value_kind, coalesce(o.quote, '') AS quote,
    o.span_start, o.span_end, o.quote_start, coalesce(o.derivation, '') AS derivation, o.flags,
    coalesce(o.rule_id, '') AS rule_id, o.report_id,
    ${ROW_REPORT_COLUMNS},
    k.n_candidates::INTEGER AS n_candidates, k.chosen_obs_id,
    coalesce(o.origin, 'shipped') AS origin, coalesce(o.dataset_id, '') AS dataset_id, coalesce(u.file_name, '') AS file_name,
    o.source_row, coalesce(o.source_column, '') AS source_column, coalesce(o.table_quote, '') AS table_quote,
    coalesce(o.table_unit, '') AS table_unit, coalesce(o.table_source, '') AS table_source, ${names.map((k) => `o.${k}`).join(', ')}
  FROM page o
  JOIN ranked k USING (obs_id)
  LEFT JOIN indicators i USING (indicator_id)
  LEFT JOIN reports r USING (report_id)
  LEFT JOIN user_datasets u ON u.dataset_id = o.dataset_id
  ORDER BY ${names.map((k) => `o.${k}`).join(', ')}`;

/**
 * Which page to read: the first; the rows right after (before) a row's sort key, for next (previous);
 * the last (`rows`: how many the last page holds, total − (pages − 1) × size, so page numbers stay
 * those of fixed-size pages); or an OFFSET, kept for a jump to an arbitrary page (its cost grows
 * with the offset).
 */
export type PageAt =
  | { at: 'first' }
  | { at: 'after'; key: SortKey }
  | { at: 'before'; key: SortKey }
  | { at: 'last'; rows: number }
  | { at: 'offset'; offset: number };

/** A page of rows with the sort keys of its first and last row (null when empty), to seek the next and previous pages. */
export interface DataPage {
  rows: DataRow[];
  first: SortKey | null;
  last: SortKey | null;
}

type Row = Omit<DataRow, 'flags'> & { flags: string | null } & Record<string, unknown>;

/** One page of the filtered rows, in the chosen order, located by key (keyset pagination) or offset. */
export async function dataPageAt(db: Db, filters: DataFilters, sort: DataSort, limit: number, at: PageAt): Promise<DataPage> {
  const nKeys = sortKeys(sort, '').length;
  if ((at.at === 'after' || at.at === 'before') && at.key.length !== nKeys) throw new Error(`A ${sort} sort key has ${nKeys} values, not ${at.key.length}`);
  const count = at.at === 'last' ? Math.min(limit, Math.max(0, at.rows)) : limit;
  const cut = cutSql(whereOf(filters), sort, at, count);
  const raw = await db.query<Row>(pageSql(cut.sql, cut.names), cut.params);
  const keyOf = (row: Row | undefined): SortKey | null => (row ? cut.names.map((k) => row[k] as KeyValue) : null);
  const rows = raw.map((row) => {
    const out: Record<string, unknown> = { ...row, flags: parseFlags(row.flags) };
    for (const k of cut.names) delete out[k];
    return out as unknown as DataRow;
  });
  return { rows, first: keyOf(raw[0]), last: keyOf(raw.at(-1)) };
}

/** One page of the filtered rows by offset (the first page: offset 0). */
export async function dataPage(db: Db, filters: DataFilters, sort: DataSort, limit: number, offset: number): Promise<DataRow[]> {
  return (await dataPageAt(db, filters, sort, limit, offset === 0 ? { at: 'first' } : { at: 'offset', offset })).rows;
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
