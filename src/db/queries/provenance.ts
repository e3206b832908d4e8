import { pageStartsFromCell } from '../../core/report/page-starts.ts';
import type { Approx, DerivationInput, Observation, ValueKind } from '../../core/types.ts';
import type { Db } from '../db.ts';
import { parseFlags, pickOrder, type Origin } from './pick.ts';

/** The front matter of the report a row came from, as every source panel and table shows it. */
export interface RowReport {
  /** '' when the report's front matter has no title. */
  report_title: string;
  report_year: number | null;
  publisher: string;
  publisher_kind: string;
  url: string;
  published: string;
  /** What kind of text the report is (SOURCE_KINDS); 'other' for a user's file or an older dataset. */
  source_kind: string;
}

/** SQL for RowReport, with the observation as `o` and its report LEFT JOINed as `r`. */
export const ROW_REPORT_COLUMNS = `coalesce(r.title, '') AS report_title, r.year AS report_year, coalesce(r.publisher, '') AS publisher,
  coalesce(r.publisher_kind, o.publisher_kind, '') AS publisher_kind, coalesce(r.url, '') AS url,
  coalesce(r.published, '') AS published, coalesce(r.source_kind, 'other') AS source_kind`;

export interface ObservationDetail extends RowReport, Pick<Observation,
  'region_code' | 'region_name' | 'year' | 'period' | 'indicator_id' | 'value' | 'unit' | 'approx' | 'value_kind' | 'quote'
  | 'span_start' | 'span_end' | 'rule_id' | 'derivation' | 'inputs' | 'flags' | 'report_id'> {
  obs_id: string;
  /** The place's romanised name ('' when the regions table does not give it), for English pages. */
  name_pinyin: string;
  /** Body offset of the quote's first character (null in a dataset without it): the figure is `quote.slice(span_start - quote_start, span_end - quote_start)`. */
  quote_start: number | null;
  coverage: string;
  /** Shipped, or the researcher's own row (我的数据) with where it came from. */
  origin: Origin;
  dataset_id: string;
  /** The uploaded file's name ('' for shipped rows and pasted text). */
  file_name: string;
  /** Line of the row in the uploaded file and the column of the value (tables only). */
  source_row: number | null;
  source_column: string;
  /** What the table's own quote, unit and source columns say for the row, as written ('' when none; tables only). */
  table_quote: string;
  table_unit: string;
  table_source: string;
  /** The report's page map when it was converted from a PDF (shipped or the user's), else null: the figure's page is `pageOfOffset(page_starts, span_start)`. */
  page_starts: number[] | null;
}

type Row = Omit<ObservationDetail, 'flags' | 'inputs' | 'page_starts'> & {
  flags: string | null; inputs: string | null; page_starts: string; report_chars: number | null;
};

const COLUMNS = `
  o.obs_id, o.region_code, o.region_name,
  coalesce((SELECT g.name_pinyin FROM regions g WHERE g.region_code = o.region_code LIMIT 1), '') AS name_pinyin, o.year, o.period, o.indicator_id, o.value, coalesce(o.unit, '') AS unit,
  o.approx, o.value_kind, coalesce(o.quote, '') AS quote, o.quote_start, o.span_start, o.span_end, coalesce(o.rule_id, '') AS rule_id,
  coalesce(o.derivation, '') AS derivation, o.inputs, o.flags, o.report_id,
  ${ROW_REPORT_COLUMNS}, coalesce(r.coverage, '') AS coverage,
  coalesce(o.origin, 'shipped') AS origin, coalesce(o.dataset_id, '') AS dataset_id, coalesce(u.file_name, '') AS file_name,
  o.source_row, coalesce(o.source_column, '') AS source_column, coalesce(o.table_quote, '') AS table_quote,
  coalesce(o.table_unit, '') AS table_unit, coalesce(o.table_source, '') AS table_source,
  coalesce(r.page_starts, '') AS page_starts, r.chars AS report_chars`;

/** The dataset a user row came from (shipped rows have none). */
const USER_DATASET = 'LEFT JOIN user_datasets u ON u.dataset_id = o.dataset_id';

const ONE = `SELECT ${COLUMNS} FROM observations o LEFT JOIN reports r USING (report_id) ${USER_DATASET} WHERE o.obs_id = ?`;

/** Every row for the same place, year and indicator, in the order of the pick rule (the chosen one first). */
const SIBLINGS = `
  WITH target AS (SELECT region_code, year, indicator_id FROM observations WHERE obs_id = ?)
  SELECT ${COLUMNS}
  FROM observations o JOIN target t USING (region_code, year, indicator_id)
  LEFT JOIN reports r USING (report_id) ${USER_DATASET}
  ORDER BY ${pickOrder('o')}`;

function toDetail({ report_chars: chars, ...row }: Row): ObservationDetail {
  return { ...row, flags: parseFlags(row.flags), inputs: parseInputs(row.inputs), page_starts: pageStartsFromCell(row.page_starts, chars) };
}

function parseInputs(raw: string | null): DerivationInput[] {
  if (!raw || !raw.trim().startsWith('[')) return [];
  const parsed: unknown = JSON.parse(raw);
  return Array.isArray(parsed) ? (parsed as DerivationInput[]) : [];
}

export async function observationDetail(db: Db, obsId: string): Promise<ObservationDetail | null> {
  const [row] = await db.query<Row>(ONE, [obsId]);
  return row ? toDetail(row) : null;
}

/** The observation and the rows that compete with it (same place, year, indicator), chosen first. */
export async function observationSiblings(db: Db, obsId: string): Promise<ObservationDetail[]> {
  return (await db.query<Row>(SIBLINGS, [obsId])).map(toDetail);
}

/** SIBLINGS for several observations in one statement (ids bound as one string split in SQL, as REPORTS below). */
const SIBLINGS_OF = `
  WITH target AS (SELECT obs_id AS asked, region_code, year, indicator_id FROM observations WHERE obs_id IN (SELECT unnest(string_split(?, chr(31)))))
  SELECT t.asked, ${COLUMNS}
  FROM observations o JOIN target t USING (region_code, year, indicator_id)
  LEFT JOIN reports r USING (report_id) ${USER_DATASET}
  ORDER BY t.asked, ${pickOrder('o')}`;

/**
 * observationSiblings of each id, in one statement (the idle prefetch of the source panels of the
 * points a chart draws, issue 12); every id asked for is in the map, an unknown one with [] (an id
 * holding the separator is left out: none does).
 */
export async function observationSiblingsOf(db: Db, obsIds: readonly string[]): Promise<Map<string, ObservationDetail[]>> {
  const ids = [...new Set(obsIds)].filter((id) => id && !id.includes(SEPARATOR));
  const byId = new Map<string, ObservationDetail[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byId;
  for (const { asked, ...row } of await db.query<Row & { asked: string }>(SIBLINGS_OF, [ids.join(SEPARATOR)])) byId.get(asked)?.push(toDetail(row));
  return byId;
}

// ---------------------------------------------------------------------------------------------
// Inputs of a derived value: their spans point into the same report body as the derived row.

/** An observation of a report, enough to show its sentence with the figure marked. */
export interface ReportObservation {
  obs_id: string;
  indicator_id: string;
  value: number | null;
  unit: string;
  approx: Approx;
  value_kind: ValueKind;
  period: string;
  span_start: number;
  span_end: number;
  quote: string;
  quote_start: number | null;
}

/** Where an input of a derived value was read: the row printed at exactly its span, else a quote that contains the span. */
export interface InputSource {
  input: DerivationInput;
  /** The report's own observation at the input's span (the same indicator preferred, a printed row over a derived one); null if none. */
  match: ReportObservation | null;
  /** A quote of the same report containing the span (the match's own, or any row's), so the input can be shown in its sentence; null if none does. */
  context: { quote: string; quote_start: number } | null;
}

const OF_REPORT = `
  SELECT obs_id, indicator_id, value, coalesce(unit, '') AS unit, approx, value_kind, period, span_start, span_end,
    coalesce(quote, '') AS quote, quote_start
  FROM observations WHERE report_id = ?
  ORDER BY span_start, obs_id`;

/** Every observation read from one report, in body order. */
export function reportObservations(db: Db, reportId: string): Promise<ReportObservation[]> {
  return db.query<ReportObservation>(OF_REPORT, [reportId]);
}

const covers = (row: { quote: string; quote_start: number | null }, start: number, end: number): row is { quote: string; quote_start: number } =>
  row.quote_start !== null && row.quote_start <= start && end <= row.quote_start + row.quote.length && start < end;

/**
 * For each input span, the report's row whose span matches it exactly (never the derived row itself),
 * and a quote that contains the span. `own` (the derived row's quote) is tried first for the context.
 */
export function matchInputs(
  inputs: readonly DerivationInput[], rows: readonly ReportObservation[],
  own: { obs_id: string; quote: string; quote_start: number | null },
): InputSource[] {
  return inputs.map((input) => {
    const exact = rows.filter((r) => r.obs_id !== own.obs_id && r.span_start === input.span_start && r.span_end === input.span_end);
    const score = (r: ReportObservation) => (r.indicator_id === input.indicator_id ? 0 : 2) + (r.value_kind === 'reported' ? 0 : 1);
    const match = [...exact].sort((a, b) => score(a) - score(b))[0] ?? null;
    const candidates = [...(match ? [match] : []), own, ...rows];
    const holder = candidates.find((r) => covers(r, input.span_start, input.span_end));
    return { input, match, context: holder ? { quote: holder.quote, quote_start: holder.quote_start } : null };
  });
}

/** The inputs of a derived observation with where each was read (empty for a printed figure). */
export async function derivationSources(db: Db, detail: Pick<ObservationDetail, 'obs_id' | 'report_id' | 'inputs' | 'quote' | 'quote_start'>): Promise<InputSource[]> {
  if (detail.inputs.length === 0) return [];
  return matchInputs(detail.inputs, await reportObservations(db, detail.report_id), detail);
}

// ---------------------------------------------------------------------------------------------
// Why the chart uses one row rather than another: the first criterion of the pick rule (pick-rule.ts) that separates them.

export { pickReason, periodRankOf, type PickReason } from './pick-rule.ts';

// ---------------------------------------------------------------------------------------------
// The reports behind the rows a chart draws, for its source line.

export interface ReportSource {
  report_id: string;
  region_name: string;
  year: number | null;
  /** '' when the report has no recorded title. */
  title: string;
  publisher: string;
  publisher_kind: string;
  url: string;
  published: string;
  /** What kind of text the report is (SOURCE_KINDS). */
  source_kind: string;
}

/** Report ids are bound as one string split in SQL; the unit separator never occurs in an id. */
const SEPARATOR = '\u001f';

const REPORTS = `
  SELECT report_id, coalesce(region_name, '') AS region_name, year, coalesce(title, '') AS title,
    coalesce(publisher, '') AS publisher, coalesce(publisher_kind, '') AS publisher_kind,
    coalesce(url, '') AS url, coalesce(published, '') AS published, coalesce(source_kind, 'other') AS source_kind
  FROM reports WHERE report_id IN (SELECT unnest(string_split(?, chr(31))))  -- split once (a national comparison lists thousands)
  ORDER BY region_name, year, report_id`;

/** The reports with these ids (unknown ids are left out), by place and year. */
export async function reportSources(db: Db, reportIds: readonly string[]): Promise<ReportSource[]> {
  const ids = [...new Set(reportIds)].filter((id) => id && !id.includes(SEPARATOR));
  if (ids.length === 0) return [];
  return db.query<ReportSource>(REPORTS, [ids.join(SEPARATOR)]);
}

/** The report's address if it may become a link: only http and https (never javascript:, data:, file:…); null otherwise. */
export function reportLink(url: string): string | null {
  if (!/^https?:\/\//i.test(url.trim())) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
