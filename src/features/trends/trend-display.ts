/**
 * What the Trends view draws and lists from the points its query returned, given the reader's
 * choices (years, part-year figures, log axis, index mode). Pure: one place for the chart, the table
 * and the exports, so all three show the same figures.
 */
import { logScaleUsable } from '../../charts/log-scale.ts';
import { indexPoints, indexUsable, type NotIndexed } from '../../charts/trend-index.ts';
import { clampRange, inRange, yearSpan, type YearSpan } from '../../charts/trend-years.ts';
import type { TrendPoint } from '../../db/queries/trend.ts';

export interface DisplayChoices {
  from: number | null;
  to: number | null;
  showPartYear: boolean;
  log: boolean;
  index: boolean;
  unit: string;
}

export interface TrendDisplay {
  /** The years the chosen places have any figure for (null: none), and the range applied within it. */
  span: YearSpan | null;
  range: YearSpan | null;
  /** The points drawn and listed (indexed in index mode: value = index, `printed` the figure). */
  points: TrendPoint[];
  /** Part-year figures in the range left out because the reader hides them. */
  hiddenPartYear: number;
  /** Index mode asked for and possible (counts only). */
  index: boolean;
  notIndexed: NotIndexed[];
  /** The log axis asked for and usable (counts, every value drawn above zero). */
  log: boolean;
  logRefused: boolean;
}

export function trendDisplay(all: readonly TrendPoint[], choices: DisplayChoices): TrendDisplay {
  const span = yearSpan(all);
  const range = span ? clampRange(span, choices.from, choices.to) : null;
  const ranged = range ? inRange(all, range) : [];
  // Index mode never uses part-year figures, whatever the toggle says.
  const index = choices.index && indexUsable(choices.unit);
  const shown = choices.showPartYear && !index ? ranged : ranged.filter((p) => p.period === 'year');
  const hiddenPartYear = ranged.length - shown.length;
  const indexed = index ? indexPoints(shown) : null;
  const points = indexed ? indexed.points : shown;
  const log = choices.log && logScaleUsable(points.map((p) => p.value), choices.unit);
  return { span, range, points, hiddenPartYear, index, notIndexed: indexed?.notIndexed ?? [], log, logRefused: choices.log && !log && points.length > 0 };
}

/**
 * The places chosen that are not drawn, in the order chosen: those without any figure for the
 * indicator (`noFigure`), and those with figures of which none is drawn (`noneShown`: outside the
 * years chosen, part-year hidden, or not indexable — the last said separately by the index note).
 */
export function placesNotDrawn(chosen: readonly string[], withFigure: ReadonlySet<string>, drawn: ReadonlySet<string>, notIndexed: ReadonlySet<string>): { noFigure: string[]; noneShown: string[] } {
  const unique = [...new Set(chosen)];
  return {
    noFigure: unique.filter((c) => !withFigure.has(c)),
    noneShown: unique.filter((c) => withFigure.has(c) && !drawn.has(c) && !notIndexed.has(c)),
  };
}
