import type { Approx, Origin, ValueKind } from '../../core/schema/index.ts';
import { pickKeyList } from './pick-rule.ts';
/**
 * The pick rule's SQL forms, generated from its one table (pick-rule.ts): the window order and the
 * GROUP BY key. See docs/DASHBOARD-CONVENTIONS.md.
 */

/** `ORDER BY pickOrder()` in a window: the chosen row is `row_number() = 1`. */
export const pickOrder = (alias = ''): string => pickKeyList(alias ? `${alias}.` : '').join(', ');

/**
 * The same order as one sortable value (a struct compared field by field, smallest first), for
 * `arg_min(x, pickKey())` in a GROUP BY: the same choice as `row_number() OVER (… ORDER BY pickOrder())`
 * = 1, measured 6–8× faster on 280 k rows (docs/BENCHMARKS.md, national scale).
 */
export const pickKey = (alias = ''): string =>
  `struct_pack(${pickKeyList(alias ? `${alias}.` : '').map((key, i) => `k${i} := ${key}`).join(', ')})`;

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
export { flagCode } from '../../core/catalog/flags.ts';

/** A region list bound as one parameter: codes are six ASCII digits, so a comma never occurs in one. */
export const codeList = (codes: readonly string[]): string => codes.join(',');

export type { Origin };

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
