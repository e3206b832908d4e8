import type { Approx, ValueKind } from '../../core/types.ts';
/**
 * The documented rule for choosing one figure when several rows mean the same thing
 * (DATA-CONTRACT.md §3): a printed figure over a derived one, an exact over an approximate one,
 * the government's own report over a department's; then report id and position, so the choice is
 * stable. The others are shown as alternatives.
 *
 * The trend is annual, so before those it prefers the figure covering most of the year: the whole
 * year, then an interval (1至8月), a quarter, a month, a day. (A coarse order: it does not compare
 * the lengths of two intervals.)
 *
 * Before everything, a published (shipped) row over the researcher's own (`origin = 'user'`,
 * issue 5): both stay, the user's is listed as an alternative; it is drawn only where no shipped
 * row exists. See docs/DASHBOARD-CONVENTIONS.md.
 */
export const pickOrder = (alias = ''): string => {
  const c = alias ? `${alias}.` : '';
  return `(coalesce(${c}origin, 'shipped') = 'user'), ${periodRank(alias)}, (${c}value_kind = 'reported') DESC, (${c}approx = 'exact') DESC,
    (${c}publisher_kind IN ('county-gov', 'city-gov', 'district-gov')) DESC,
    ${c}report_id, ${c}span_start, ${c}obs_id`;
};

/**
 * `pickOrder` as one sortable value (a struct compared field by field, smallest first), for
 * `arg_min(x, pickKey())` in a GROUP BY: the same choice as `row_number() OVER (… ORDER BY pickOrder())`
 * = 1, measured 6–8× faster on 280 k rows (docs/BENCHMARKS.md, national scale). Keep the two in step.
 */
export const pickKey = (alias = ''): string => {
  const c = alias ? `${alias}.` : '';
  return `struct_pack(u := coalesce(${c}origin, 'shipped') = 'user', p := ${periodRank(alias)}, k := ${c}value_kind <> 'reported', a := ${c}approx <> 'exact',
    g := ${c}publisher_kind NOT IN ('county-gov', 'city-gov', 'district-gov'), r := ${c}report_id, s := ${c}span_start, o := ${c}obs_id)`;
};

/** 0 for a whole year, then interval, quarter, month, day: lower covers more of the year. */
export const periodRank = (alias = ''): string => {
  const period = alias ? `${alias}.period` : 'period';
  return `CASE WHEN ${period} = 'year' THEN 0 WHEN ${period} LIKE '%/%' THEN 1 WHEN ${period} LIKE '%-Q%' THEN 2
    WHEN length(${period}) = 7 THEN 3 ELSE 4 END`;
};

/**
 * Quality flags as the pipeline writes them: `code: explanation` items joined with '; ' ('' or null
 * when none); a JSON array is accepted too. The code is the part before the first colon.
 */
export function parseFlags(raw: string | null): string[] {
  if (!raw) return [];
  const trimmed = raw.trim();
  if (trimmed.startsWith('[')) {
    const parsed: unknown = JSON.parse(trimmed);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  }
  return trimmed.split(/;\s+/).map((flag) => flag.trim()).filter(Boolean);
}

/** The machine-readable part of a flag: `rate_mismatch` of `rate_mismatch: printed 99% but …`. */
export const flagCode = (flag: string): string => flag.split(':')[0]!.trim();

/** A region list bound as one parameter: codes are six ASCII digits, so a comma never occurs in one. */
export const codeList = (codes: readonly string[]): string => codes.join(',');

/** Shipped with the dataset, or the researcher's own (issue 5): every view marks user rows. */
export type Origin = 'shipped' | 'user';

/** What every view draws of a chosen figure: the place, when, the value and how it was obtained. */
export interface ChosenFigure {
  obs_id: string;
  /** 'user' when the figure is the researcher's own (drawn only where no shipped row exists); absent means shipped. */
  origin?: Origin;
  region_code: string;
  region_name: string;
  /** Romanised name for English labels ('' when unknown). */
  name_pinyin: string;
  year: number;
  /** `year`, or the part of the year the figure covers. */
  period: string;
  value: number;
  unit: string;
  approx: Approx;
  value_kind: ValueKind;
  report_id: string;
  flags: string[];
  /** The sentence the figure was taken from. */
  quote: string;
  /** Rows for the same place, year and indicator, this one included. */
  n_candidates: number;
}
