/**
 * What the Data view's CSV download holds: every filtered row (not only the page), read in chunks
 * with the table's own query and order, written with the shared CSV writer (src/core/csv).
 */
import { toCsv } from '../../core/csv/to-csv.ts';
import type { Db } from '../../db/db.ts';
import { dataPageAt, figureSpan, type DataFilters, type DataRow, type DataSort, type PageAt } from '../../db/queries/data-table.ts';

/** The file's columns: machine names, so scripts can read it; `chosen` marks the pick rule's figure. */
export const CSV_COLUMNS = [
  'obs_id', 'region_code', 'region_name', 'province_name', 'prefecture_name', 'year', 'period',
  'indicator_id', 'indicator_name_zh', 'indicator_name_en', 'value', 'unit', 'approx', 'value_kind',
  'chosen', 'n_candidates', 'quote', 'figure_text', 'span_start', 'span_end', 'quote_start',
  'derivation', 'flags', 'report_id', 'report_title', 'publisher', 'publisher_kind', 'url', 'published', 'rule_id',
  // 'user' rows are the researcher's own, named by their file, line and column
  'origin', 'dataset_id', 'file_name', 'source_row', 'source_column',
  // and by what their table's own quote, unit and source columns say ('' for every other row)
  'table_quote', 'table_unit', 'table_source',
] as const;

export const CSV_CHUNK_ROWS = 20_000;

/** One record of the file: the row's fields, the figure as printed, flags joined by '; '. */
export function csvRecord(row: DataRow): Record<(typeof CSV_COLUMNS)[number], unknown> {
  const span = figureSpan(row);
  return {
    ...row,
    chosen: row.chosen_obs_id === row.obs_id,
    figure_text: span ? row.quote.slice(span.start, span.end) : '',
    flags: row.flags.join('; '),
  };
}

/**
 * Says what was exported: `fazhi-atlas-observations-<indicator|all-indicators>[-year<YYYY>][-<code>|-<N>-places][-filtered]-<YYYY-MM-DD>.csv`
 * (`filtered`: a text, kind, precision, period or origin filter narrowed it further).
 */
export function csvFileName(filters: Pick<DataFilters, 'indicatorId' | 'year' | 'regionCodes'>, date: Date, narrowed = false): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '_');
  const { regionCodes: codes } = filters;
  const parts = [
    'fazhi-atlas-observations',
    filters.indicatorId ? safe(filters.indicatorId) : 'all-indicators',
    filters.year !== null ? `year${filters.year}` : '',
    codes.length === 1 ? safe(codes[0]!) : codes.length > 1 ? `${codes.length}-places` : '',
    narrowed ? 'filtered' : '',
    day,
  ];
  return `${parts.filter(Boolean).join('-')}.csv`;
}

/**
 * The whole filtered selection as CSV pieces (BOM and header first). Reads chunk after chunk, each
 * seeking past the last row of the one before (keyset: every chunk costs about the same, however
 * deep), until one comes back short, so a stale `expected` count cannot cut the file; `expected`
 * only feeds progress.
 */
export async function exportCsvParts(
  db: Db, filters: DataFilters, sort: DataSort, onProgress: (done: number) => void, chunk = CSV_CHUNK_ROWS,
): Promise<string[]> {
  const parts: string[] = [toCsv([...CSV_COLUMNS], [])];
  let at: PageAt = { at: 'first' };
  for (let done = 0; ;) {
    const page = await dataPageAt(db, filters, sort, chunk, at);
    if (page.rows.length > 0) parts.push(toCsv([...CSV_COLUMNS], page.rows.map(csvRecord), { bom: false, header: false }));
    done += page.rows.length;
    onProgress(done);
    if (page.rows.length < chunk || !page.last) return parts;
    at = { at: 'after', key: page.last };
  }
}
