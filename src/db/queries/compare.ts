/**
 * The Compare view's data: one indicator, one year, a peer group. The figure of each place is the
 * one the pick rule (pick.ts) chooses among all its rows for that year, so a whole-year figure wins
 * whenever there is one; a place whose chosen figure is part-year has no whole-year figure and is
 * left out of rankings (part-year figures are not comparable with whole years) and counted.
 */
import type { Db } from '../db.ts';
import { peerCtes, peerParams, type PeerSpec } from './peers.ts';
import { parseFlags, pickKey, type ChosenFigure } from './pick.ts';

/**
 * The chosen figure of one place for one year, without its quote: the quotes of a nation's figures were
 * most of a year step's result, and only the drawn bars and an export need them (compare-quotes.ts).
 */
export interface CompareFigure extends Omit<ChosenFigure, 'quote'> {
  /** How a derived figure was computed ("8745 ÷ (1 + 75.7%)"; '' or absent for a printed one). */
  derivation?: string;
}

type Row = Omit<CompareFigure, 'flags'> & { flags: string | null };

const FIGURES = `
  WITH ${peerCtes(1)},
  candidates AS (
    SELECT o.* FROM observations o
    WHERE o.indicator_id = $5::VARCHAR AND o.value IS NOT NULL
      AND o.year IN (SELECT unnest(string_split($6::VARCHAR, ','))::INTEGER)  -- split once, not per row
      AND o.region_code IN (SELECT region_code FROM peers)
  ),
  picked AS (
    SELECT arg_min(obs_id, ${pickKey()}) AS obs_id, count(*) AS n_candidates
    FROM candidates GROUP BY region_code, year
  )
  SELECT k.obs_id, k.region_code, coalesce(g.region_name, k.region_name) AS region_name,
    coalesce(g.name_pinyin, '') AS name_pinyin, k.year, k.period, k.value, coalesce(k.unit, '') AS unit,
    k.approx, k.value_kind, k.flags, coalesce(k.derivation, '') AS derivation, p.n_candidates::INTEGER AS n_candidates, k.report_id,
    coalesce(k.origin, 'shipped') AS origin
  FROM picked p JOIN candidates k USING (obs_id) LEFT JOIN regions g USING (region_code)
  ORDER BY k.year, k.region_code`;

/** The chosen figure of every place of the peer group, for each of the given years. */
export async function compareFigures(db: Db, indicatorId: string, years: readonly number[], peers: PeerSpec): Promise<CompareFigure[]> {
  if (years.length === 0) return [];
  const rows = await db.query<Row>(FIGURES, [...peerParams(peers), indicatorId, [...new Set(years)].join(',')]);
  return rows.map((row) => ({ ...row, flags: parseFlags(row.flags) }));
}

/** How many places of the peer group have the indicator in a year. */
export interface YearCount {
  year: number;
  /** Places with a whole-year figure (they can be ranked). */
  n_whole: number;
  /** Places with only part-year figures that year (left out of rankings). */
  n_part_only: number;
  /** The focal place has a whole-year figure that year. */
  focus_whole: boolean;
}

/** From the pre-aggregated `coverage`: a place's whole-year and part-year years of the indicator. */
const YEARS = `
  WITH ${peerCtes(1)},
  mine AS (SELECT * FROM coverage WHERE indicator_id = $5::VARCHAR AND region_code IN (SELECT region_code FROM peers)),
  per AS (
    SELECT y.year::INTEGER AS year, c.region_code, true AS whole
    FROM mine c, unnest(string_split(nullif(c.whole_years, ''), ',')) AS y(year)
    UNION ALL
    SELECT y.year::INTEGER, c.region_code, false
    FROM mine c, unnest(string_split(nullif(c.part_years, ''), ',')) AS y(year)
  )
  SELECT year, (count(*) FILTER (WHERE whole))::INTEGER AS n_whole, (count(*) FILTER (WHERE NOT whole))::INTEGER AS n_part_only,
    coalesce(bool_or(whole AND region_code = $1::VARCHAR), false) AS focus_whole
  FROM per GROUP BY year ORDER BY year DESC`;

/** The years the peer group has the indicator in, latest first, with how many places have a figure. */
export function compareYears(db: Db, indicatorId: string, peers: PeerSpec): Promise<YearCount[]> {
  return db.query<YearCount>(YEARS, [...peerParams(peers), indicatorId]);
}

/** An indicator's latest year with whole-year figures and how many places have one then. */
export interface LatestYearCoverage {
  indicator_id: string;
  year: number;
  n_places: number;
}

/**
 * From the pre-aggregated `coverage`, without unnesting every place's year list: a list is ascending
 * four-digit years joined by commas, so its last four characters are its latest year, and a year
 * occurs in it exactly when its text does (a comma separates every token).
 */
const LATEST = `
  WITH latest AS (
    SELECT indicator_id, max(right(whole_years, 4))::INTEGER AS year
    FROM coverage WHERE whole_years <> '' GROUP BY indicator_id
  )
  SELECT l.indicator_id, l.year, (count(*) FILTER (WHERE contains(c.whole_years, l.year::VARCHAR)))::INTEGER AS n_places
  FROM latest l JOIN coverage c USING (indicator_id)
  GROUP BY l.indicator_id, l.year
  ORDER BY n_places DESC, year DESC, indicator_id`;

/** For each indicator with whole-year figures, its latest such year; the most widely reported first. */
export function latestYearCoverage(db: Db): Promise<LatestYearCoverage[]> {
  return db.query<LatestYearCoverage>(LATEST);
}

// ---------------------------------------------------------------------------------------------
// Pure helpers (no SQL): ranking, spread, pairing. Tested under Node with plain rows.

/** How a ranking reads: more is better, less is better, or only by size (neither is better). */
export type RankDirection = 'higher' | 'lower' | 'size';

export const rankDirection = (higherIsBetter: boolean | null): RankDirection =>
  higherIsBetter === true ? 'higher' : higherIsBetter === false ? 'lower' : 'size';

export interface RankedFigure extends CompareFigure {
  /** 1 = first. Equal values share a rank and the next rank is skipped ("1, 2, 2, 4"). */
  rank: number;
  /** Another place has the same value. */
  tied: boolean;
}

const EPSILON = 1e-9;
const same = (a: number, b: number): boolean => Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));

/** Whole-year figures are ranked; the others are the part-year ones left out. */
export function splitWholeYear<T extends { period: string }>(figures: readonly T[]): { whole: T[]; partYear: T[] } {
  return { whole: figures.filter((f) => f.period === 'year'), partYear: figures.filter((f) => f.period !== 'year') };
}

/**
 * Ranks figures, best first ('higher': largest first; 'lower': smallest first; 'size': largest
 * first, meaning only "largest"). Ties share the better rank. Equal values keep a stable order (by code).
 */
export function rankFigures<T extends CompareFigure>(figures: readonly T[], direction: RankDirection): (T & { rank: number; tied: boolean })[] {
  const sign = direction === 'lower' ? 1 : -1;
  const sorted = [...figures].sort((a, b) => (same(a.value, b.value) ? 0 : sign * (a.value - b.value)) || a.region_code.localeCompare(b.region_code));
  const ranked: (T & { rank: number; tied: boolean })[] = [];
  sorted.forEach((f, i) => {
    const previous = ranked[i - 1];
    const rank = previous && same(previous.value, f.value) ? previous.rank : i + 1;
    ranked.push({ ...f, rank, tied: false });
  });
  // Equal ranks are neighbours in this order, so a tie shows next door: comparing every pair cost
  // 250–320 ms of a step among a nation's 2,789 places (docs/BENCHMARKS.md, "National scale: part D").
  ranked.forEach((r, i) => { r.tied = ranked[i - 1]?.rank === r.rank || ranked[i + 1]?.rank === r.rank; });
  return ranked;
}

/** Fewer places than this: a median and an interquartile range say nothing useful. */
export const MIN_FOR_SPREAD = 3;

export interface Spread {
  n: number;
  median: number;
  q1: number;
  q3: number;
  /** false when n < MIN_FOR_SPREAD: the view says so and draws no band. */
  meaningful: boolean;
}

/** Quantile by linear interpolation between order statistics (type 7, as DuckDB's quantile_cont). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Median and quartiles of the values; null when there are none. */
export function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, median: quantile(sorted, 0.5), q1: quantile(sorted, 0.25), q3: quantile(sorted, 0.75), meaningful: sorted.length >= MIN_FOR_SPREAD };
}

export interface YearPair {
  region_code: string;
  from: CompareFigure;
  to: CompareFigure;
}

/** Places with a whole-year figure in both years, and those with only one of the two. */
export function pairYears(from: readonly CompareFigure[], to: readonly CompareFigure[]): { pairs: YearPair[]; onlyFrom: CompareFigure[]; onlyTo: CompareFigure[] } {
  const fromWhole = new Map(splitWholeYear(from).whole.map((f) => [f.region_code, f]));
  const toWhole = new Map(splitWholeYear(to).whole.map((f) => [f.region_code, f]));
  const pairs: YearPair[] = [];
  for (const [code, t] of toWhole) {
    const f = fromWhole.get(code);
    if (f) pairs.push({ region_code: code, from: f, to: t });
  }
  return {
    pairs,
    onlyFrom: [...fromWhole.values()].filter((f) => !toWhole.has(f.region_code)),
    onlyTo: [...toWhole.values()].filter((t) => !fromWhole.has(t.region_code)),
  };
}

/** The change from one figure to the next: absolute, and relative when the first is not zero. */
export interface Change {
  from: number;
  to: number;
  delta: number;
  /** Percent change; null when `from` is 0. */
  relative: number | null;
}

export function changeBetween(from: number, to: number): Change {
  return { from, to, delta: to - from, relative: from === 0 ? null : ((to - from) / Math.abs(from)) * 100 };
}
