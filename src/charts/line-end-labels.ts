/**
 * Line-end labels instead of a legend: each place's name right of the plot, at the height of its last
 * figure, nudged apart so no two overlap and none leaves the plot. Pure: the positions are worked out
 * in the plot's pixels from the axis (trend-axis.ts), then turned back into axis values for ECharts.
 */
import { axisShare, axisValue, type ValueAxis } from './trend-axis.ts';

/** Pixels between two labels' centres: a 12 px label and a little air. */
export const LABEL_GAP = 15;

/**
 * Positions (px from the top, one per wanted position, same order) at least `gap` apart and within
 * [0, height], each as near its wanted position as that allows: a top-down pass pushes labels down,
 * then a bottom-up pass pulls back any that ran past the bottom. When they cannot all fit, they are
 * spread evenly over the height.
 */
export function spreadPositions(wanted: readonly number[], height: number, gap: number = LABEL_GAP): number[] {
  if (wanted.length === 0) return [];
  if ((wanted.length - 1) * gap > height) return wanted.map((_, i, all) => (all.length === 1 ? height / 2 : (i * height) / (all.length - 1)));
  const order = wanted.map((y, i) => ({ y: Math.min(height, Math.max(0, y)), i })).sort((a, b) => a.y - b.y || a.i - b.i);
  for (let k = 1; k < order.length; k += 1) order[k]!.y = Math.max(order[k]!.y, order[k - 1]!.y + gap);
  const overflow = order.at(-1)!.y - height;
  if (overflow > 0) {
    order.at(-1)!.y = height;
    for (let k = order.length - 2; k >= 0; k -= 1) order[k]!.y = Math.min(order[k]!.y, order[k + 1]!.y - gap);
  }
  const placed = new Array<number>(wanted.length);
  for (const { y, i } of order) placed[i] = y;
  return placed;
}

export interface EndLabel { code: string; text: string; color: string; last: number }

/** Each label's height as an axis value, nudged apart in a plot `plotHeight` pixels tall. */
export function labelValues(labels: readonly EndLabel[], axis: ValueAxis, plotHeight: number): number[] {
  const wanted = labels.map((l) => (1 - Math.min(1, Math.max(0, axisShare(axis, l.last)))) * plotHeight);
  return spreadPositions(wanted, plotHeight).map((y) => axisValue(axis, 1 - y / plotHeight));
}

/** Roughly how wide a label draws at 12 px: CJK characters a full em, the rest about half. */
export const labelWidth = (text: string): number => [...text].reduce((w, c) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 12 : 6.5), 0);
