import type { Approx, DerivationInput, ValueKind } from '../../core/types.ts';
import type { Db } from '../db.ts';
import { parseFlags, pickOrder } from './pick.ts';

/** Everything known about one observation: the figure, the sentence, the report. */
export interface ObservationDetail {
  obs_id: string;
  region_code: string;
  region_name: string;
  year: number;
  period: string;
  indicator_id: string;
  value: number | null;
  unit: string;
  approx: Approx;
  value_kind: ValueKind;
  quote: string;
  span_start: number;
  span_end: number;
  rule_id: string;
  derivation: string;
  inputs: DerivationInput[];
  flags: string[];
  report_id: string;
  /** '' when the report's front matter has no title. */
  report_title: string;
  report_year: number | null;
  publisher: string;
  publisher_kind: string;
  url: string;
  published: string;
  coverage: string;
}

type Row = Omit<ObservationDetail, 'flags' | 'inputs'> & { flags: string | null; inputs: string | null };

const COLUMNS = `
  o.obs_id, o.region_code, o.region_name, o.year, o.period, o.indicator_id, o.value, coalesce(o.unit, '') AS unit,
  o.approx, o.value_kind, coalesce(o.quote, '') AS quote, o.span_start, o.span_end, coalesce(o.rule_id, '') AS rule_id,
  coalesce(o.derivation, '') AS derivation, o.inputs, o.flags, o.report_id,
  coalesce(r.title, '') AS report_title, r.year AS report_year, coalesce(r.publisher, '') AS publisher,
  coalesce(r.publisher_kind, o.publisher_kind, '') AS publisher_kind, coalesce(r.url, '') AS url,
  coalesce(r.published, '') AS published, coalesce(r.coverage, '') AS coverage`;

const ONE = `SELECT ${COLUMNS} FROM observations o LEFT JOIN reports r USING (report_id) WHERE o.obs_id = ?`;

/** Every row for the same place, year and indicator, in the order of the pick rule (the chosen one first). */
const SIBLINGS = `
  WITH target AS (SELECT region_code, year, indicator_id FROM observations WHERE obs_id = ?)
  SELECT ${COLUMNS}
  FROM observations o JOIN target t USING (region_code, year, indicator_id)
  LEFT JOIN reports r USING (report_id)
  ORDER BY (o.value IS NOT NULL) DESC, ${pickOrder('o')}`;

function toDetail(row: Row): ObservationDetail {
  return { ...row, flags: parseFlags(row.flags), inputs: parseInputs(row.inputs) };
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
