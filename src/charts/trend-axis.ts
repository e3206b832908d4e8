/**
 * The trend chart's value axis, with its ends fixed here rather than left to ECharts: the line-end
 * labels (line-end-labels.ts) are placed in the plot's pixels, which needs the axis ends known. Pure.
 */
export interface ValueAxis {
  log: boolean;
  min: number;
  max: number;
  /** Tick step of a linear axis (a log axis ticks at powers of ten). */
  interval?: number;
}

/** The smallest of 1, 2, 2.5, 5 × 10^k that is at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((f) => f * power).find((s) => s >= raw * (1 - 1e-9))!;
}

/**
 * Rates stay within 0–100: the axis ends at 100 and starts a little below the lowest value, on a
 * round step (1, 2, 5, 10 or 20 points) that gives at most six intervals, so the ticks are even.
 * Null when a value lies outside 0–100 (the axis is then an ordinary linear one).
 */
export function percentAxis(values: readonly number[]): ValueAxis | null {
  if (values.length === 0 || values.some((v) => v > 100 || v < 0)) return null;
  const lowest = Math.min(...values);
  for (const step of [1, 2, 5, 10, 20]) {
    const min = Math.max(0, Math.floor((lowest - step / 2) / step) * step);
    if ((100 - min) / step <= 6) return { log: false, min, max: 100, interval: step };
  }
  return { log: false, min: 0, max: 100, interval: 20 };
}

/** A linear axis from zero (or below, for a negative value) to a round step above the largest value, at most ~5 intervals. */
export function linearAxis(values: readonly number[]): ValueAxis {
  const high = Math.max(0, ...values);
  const low = Math.min(0, ...values);
  const step = niceStep((high - low) / 5 || 1);
  const max = Math.ceil(high / step) * step || step;
  return { log: false, min: Math.floor(low / step) * step, max, interval: step };
}

/** A log axis from the power of ten at or below the smallest value to the one at or above the largest. */
export function logAxis(values: readonly number[]): ValueAxis {
  const min = 10 ** Math.floor(Math.log10(Math.min(...values)));
  const max = 10 ** Math.ceil(Math.log10(Math.max(...values)));
  return { log: true, min, max: max > min ? max : min * 10 };
}

/**
 * The axis for the values drawn: log when asked and usable (the caller checks log-scale.ts), the
 * rate axis for a rate, otherwise linear from zero.
 */
export function valueAxis(values: readonly number[], options: { percent: boolean; log: boolean }): ValueAxis {
  if (values.length === 0) return { log: false, min: 0, max: 1, interval: 1 };
  if (options.log) return logAxis(values);
  return (options.percent ? percentAxis(values) : null) ?? linearAxis(values);
}

/** A value's height in the plot as a share of the axis, 0 at the bottom and 1 at the top. */
export function axisShare(axis: ValueAxis, value: number): number {
  if (axis.log) return (Math.log10(value) - Math.log10(axis.min)) / (Math.log10(axis.max) - Math.log10(axis.min));
  return (value - axis.min) / (axis.max - axis.min);
}

/** The inverse of `axisShare`. */
export function axisValue(axis: ValueAxis, share: number): number {
  if (axis.log) return 10 ** (Math.log10(axis.min) + share * (Math.log10(axis.max) - Math.log10(axis.min)));
  return axis.min + share * (axis.max - axis.min);
}
