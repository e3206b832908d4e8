/**
 * The year range of the Trends view: which years the chosen places have figures for, and the points
 * of a range. Pure. A range never invents a year: it only keeps or drops points.
 */
export interface YearSpan { first: number; last: number }

/** The first and last year with any figure (null when there are none). */
export function yearSpan(points: ReadonlyArray<{ year: number }>): YearSpan | null {
  if (points.length === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const p of points) { first = Math.min(first, p.year); last = Math.max(last, p.year); }
  return { first, last };
}

/**
 * The range to apply: the reader's `from`/`to` (either may be absent) kept inside the span and in
 * order (a `from` after `to` is swapped, as a reader typing the years the wrong way round means).
 */
export function clampRange(span: YearSpan, from: number | null, to: number | null): YearSpan {
  const inside = (y: number | null, fallback: number) => (y === null || !Number.isFinite(y) ? fallback : Math.min(span.last, Math.max(span.first, Math.trunc(y))));
  const a = inside(from, span.first);
  const b = inside(to, span.last);
  return a <= b ? { first: a, last: b } : { first: b, last: a };
}

/** Whether the range is the whole span (nothing left out). */
export const isWholeSpan = (span: YearSpan, range: YearSpan): boolean => span.first === range.first && span.last === range.last;

/** The points whose year lies in the range, order kept. */
export function inRange<T extends { year: number }>(points: readonly T[], range: YearSpan): T[] {
  return points.filter((p) => p.year >= range.first && p.year <= range.last);
}
