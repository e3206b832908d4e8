/**
 * One value cell of a table, checked against its indicator: a number in the indicator's unit, or
 * the one reason it is not. A cell that computes (`=1+1`, `-1+1`, `+SUM(A1)`) is a spreadsheet
 * formula that was saved as text, not a negative number: it is named as such, so the researcher
 * knows to paste values instead of formulas.
 */
import type { Indicator } from '../catalog/indicators.ts';
import type { Approx } from '../types.ts';
import { readCellNumber } from './read-cell-number.ts';

export type ValueProblem = 'value-not-numeric' | 'value-formula' | 'value-negative' | 'percent-out-of-range' | 'percent-for-count' | 'unit-mismatch';

export type CheckedValue =
  | { ok: true; value: number; approx: Approx }
  | { ok: false; problem: ValueProblem; detail: string };

/** A formula: starts with = + @ (full-width too), or is arithmetic between numbers (`-1+1`, `3*4`, `2-3`). */
export function looksLikeFormula(raw: string): boolean {
  const text = raw.normalize('NFKC').trim();
  if (/^[=+@]/.test(text)) return true;
  return /^[-−]?\s*\(?\s*\d[\d.,]*\s*\)?\s*[-+*/^]\s*[(]?\s*[-−]?\d/.test(text);
}

/** A plain negative number, with or without a percent sign or a unit after it. */
const NEGATIVE = /^[-−]\s*\d[\d,]*(?:\.\d+)?\s*(?:%|[\u4e00-\u9fff]{1,2})?$/;

/** Units a unit cell may write for a rate. */
const PERCENT_WORDS = new Set(['%', 'percent', 'pct', '百分比', '百分率']);

/** The unit cell agrees with the indicator's unit (blank says nothing, so it agrees). */
export function unitAgrees(cell: string, indicator: Pick<Indicator, 'unit'>): boolean {
  const unit = cell.normalize('NFKC').trim().toLowerCase();
  if (unit === '' || unit === indicator.unit) return true;
  return indicator.unit === '%' && PERCENT_WORDS.has(unit);
}

export function checkValue(raw: string, indicator: Pick<Indicator, 'unit'>): CheckedValue {
  const quantity = readCellNumber(raw);
  if (!quantity) {
    const normalised = raw.normalize('NFKC').trim();
    if (NEGATIVE.test(normalised)) return { ok: false, problem: 'value-negative', detail: '' };
    if (looksLikeFormula(raw)) return { ok: false, problem: 'value-formula', detail: '' };
    return { ok: false, problem: 'value-not-numeric', detail: '' };
  }
  if (quantity.hasPercent && indicator.unit !== '%') return { ok: false, problem: 'percent-for-count', detail: indicator.unit };
  if (!Number.isFinite(quantity.value)) return { ok: false, problem: 'value-not-numeric', detail: '' };
  if (quantity.value < 0) return { ok: false, problem: 'value-negative', detail: '' };
  if (indicator.unit === '%' && quantity.value > 100) return { ok: false, problem: 'percent-out-of-range', detail: '' };
  return { ok: true, value: quantity.value, approx: quantity.approx };
}
