/**
 * The pick rule: which figure a chart draws when several rows mean the same thing (same place,
 * year and indicator; docs/DATA-CONTRACT.md §3). One table, read top to bottom; the first criterion
 * that separates two rows decides. From it come the SQL window order and the GROUP BY key
 * (pick.ts), the Data table's seek keys (data-table-keys.ts), the TypeScript mirror that explains a
 * choice in the source panel (`pickReason`) and the sentence the Data view shows (i18n data.ts,
 * worded per `reason`, in this order).
 *
 * Every key is never NULL and ascending (smaller is preferred), so the same list serves an ORDER BY,
 * a struct compared field by field and a row-value comparison. A NULL column (none in a valid
 * dataset) sorts last, as ORDER BY's default would.
 */

/** The criteria's names: the key of each sentence that explains a choice (i18n export.ts `reasons`). */
export type PickReason = 'has-number' | 'shipped' | 'longer-period' | 'printed' | 'exact' | 'government' | 'tie-break';

/** The columns the rule reads. */
export interface Pickable {
  value: number | null;
  origin?: string | null;
  period: string;
  value_kind: string;
  approx: string;
  publisher_kind: string;
}

export interface PickCriterion {
  reason: PickReason;
  /** SQL keys over the row (`c` is the column prefix, '' or 'o.'). */
  sql: (c: string) => string[];
  /** The same keys in TypeScript; absent for the tie-break (it only orders, never explains). */
  js?: (row: Pickable) => number[];
}

/** The publishers whose reports come first: the government's own, not a department's. */
export const GOVERNMENT_PUBLISHERS = ['county-gov', 'city-gov', 'district-gov'] as const;
const governmentSql = GOVERNMENT_PUBLISHERS.map((p) => `'${p}'`).join(', ');

/** true first, then false, then NULL. */
const trueFirst = (condition: string): string => `coalesce((NOT (${condition}))::INTEGER, 2)`;
/** NULL last: "is NULL", then the column with a neutral stand-in. */
const nullsLast = (expr: string, standIn: string): string[] => [`(${expr} IS NULL)::INTEGER`, `coalesce(${expr}, ${standIn})`];

/** 0 for a whole year, then interval (1至8月: `…/…`), quarter, month, day: lower covers more of the year. A coarse order: it does not compare the lengths of two intervals. */
const periodRankSql = (c: string): string => `CASE WHEN ${c}period = 'year' THEN 0 WHEN ${c}period LIKE '%/%' THEN 1 WHEN ${c}period LIKE '%-Q%' THEN 2
    WHEN length(${c}period) = 7 THEN 3 ELSE 4 END`;
export function periodRankOf(period: string): number {
  if (period === 'year') return 0;
  if (period.includes('/')) return 1;
  if (period.includes('-Q')) return 2;
  return period.length === 7 ? 3 : 4;
}

export const PICK_RULE: readonly PickCriterion[] = [
  // A number over a qualitative statement.
  { reason: 'has-number', sql: (c) => [`(${c}value IS NULL)::INTEGER`], js: (r) => [r.value === null ? 1 : 0] },
  // A published (shipped) row over the researcher's own: both stay, the user's is listed as an alternative.
  { reason: 'shipped', sql: (c) => [`(coalesce(${c}origin, 'shipped') = 'user')::INTEGER`], js: (r) => [r.origin === 'user' ? 1 : 0] },
  // The trend is annual: the figure covering most of the year.
  { reason: 'longer-period', sql: (c) => [periodRankSql(c)], js: (r) => [periodRankOf(r.period)] },
  // Printed over derived.
  { reason: 'printed', sql: (c) => [trueFirst(`${c}value_kind = 'reported'`)], js: (r) => [r.value_kind === 'reported' ? 0 : 1] },
  // Exact over approximate.
  { reason: 'exact', sql: (c) => [trueFirst(`${c}approx = 'exact'`)], js: (r) => [r.approx === 'exact' ? 0 : 1] },
  // The government's own report over a department's.
  {
    reason: 'government', sql: (c) => [trueFirst(`${c}publisher_kind IN (${governmentSql})`)],
    js: (r) => [(GOVERNMENT_PUBLISHERS as readonly string[]).includes(r.publisher_kind) ? 0 : 1],
  },
  // Then report id and position, so the choice is stable.
  { reason: 'tie-break', sql: (c) => [...nullsLast(`${c}report_id`, `''`), ...nullsLast(`${c}span_start`, '0'), ...nullsLast(`${c}obs_id`, `''`)] },
];

/** Every key of the rule, in order, over columns prefixed by `c`. */
export const pickKeyList = (c: string): string[] => PICK_RULE.flatMap((criterion) => criterion.sql(c));

/** The first criterion that puts `chosen` before (or after) `other`; 'tie-break' when none does. */
export function pickReason(chosen: Pickable, other: Pickable): PickReason {
  for (const criterion of PICK_RULE) {
    if (!criterion.js) continue;
    const a = criterion.js(chosen);
    const b = criterion.js(other);
    if (a.some((x, i) => x !== b[i])) return criterion.reason;
  }
  return 'tie-break';
}
