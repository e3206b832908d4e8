/**
 * What the Compare view draws, worked out from the figures it fetched: the ranking (each place's
 * whole-year figure nearest the year compared, within the tolerance), the places left out (only
 * part-year figures), the spread, the focal place's year-on-year change and the two-year pairs.
 * Pure: no React, no SQL.
 */
import {
  pairYears, rankFigures, spreadOf, splitWholeYear,
  type CompareFigure, type RankDirection, type RankedFigure, type Spread, type YearCount, type YearPair,
} from '../../../db/queries/compare.ts';
import { nearestWithin, yearsWithin } from '../../../db/queries/year-tolerance.ts';
import { resolveFrom, resolveYear } from '../resolve.ts';

export interface CompareModel {
  ranked: RankedFigure[];
  /** Places with only part-year figures in range: listed, not ranked. */
  partYear: CompareFigure[];
  spread: Spread | null;
  /** The focal place's figures of the year compared and the year before (the year-on-year change needs both, whole-year). */
  mine: CompareFigure | undefined;
  prior: CompareFigure | undefined;
  /** The two-year view compares the two years named, strictly (a change between years must be between those years). */
  pairing: { pairs: YearPair[]; onlyFrom: CompareFigure[]; onlyTo: CompareFigure[] } | null;
}

/** The years to fetch: the range around the year compared, the year before it, and the two-year view's first year. */
export function yearsToFetch(year: number | null, tolerance: number, from: number | null): number[] {
  if (year === null) return [];
  return [...new Set([...yearsWithin(year, tolerance), year - 1, ...(from === null ? [] : [from])])].sort((a, b) => a - b);
}

/**
 * The years to fetch for a group's years with the year and first year the URL asks for (resolved as
 * the view resolves them): what the view, its prefetches and Trends' idle plan all ask for.
 */
export function figureYearsFor(groupYears: readonly YearCount[], wantedYear: number | null, wantedFrom: number | null, tolerance: number): number[] {
  const year = resolveYear(groupYears, wantedYear);
  return yearsToFetch(year, tolerance, resolveFrom(groupYears, year, wantedFrom));
}

export function compareModel(
  figures: readonly CompareFigure[], year: number, tolerance: number, from: number | null, focus: string, direction: RankDirection,
): CompareModel {
  const ofYear = (y: number) => figures.filter((f) => f.year === y);
  const inRange = nearestWithin(figures, year, tolerance);
  const ranked = rankFigures(inRange.chosen, direction);
  const current = splitWholeYear(ofYear(year)).whole;
  return {
    ranked,
    partYear: inRange.partYear,
    spread: spreadOf(ranked.map((r) => r.value)),
    mine: current.find((f) => f.region_code === focus),
    prior: splitWholeYear(ofYear(year - 1)).whole.find((f) => f.region_code === focus),
    pairing: from === null ? null : pairYears(ofYear(from), current),
  };
}
