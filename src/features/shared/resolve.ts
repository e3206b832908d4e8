/**
 * What the Compare and Profile views show when the URL says nothing (or names something the data
 * does not have): resolved against the data, never written back to the URL.
 */
import type { LatestYearCoverage, YearCount } from '../../db/queries/compare.ts';
import type { IndicatorCoverage } from '../../db/queries/indicators.ts';
import type { Place } from '../../db/queries/peers.ts';

export const DEFAULT_COMPARE_INDICATOR = 'hotline.satisfaction_rate';
/** 灵丘县: a county with a full report in the shipped dataset. */
export const DEFAULT_FOCUS = '140224';

/**
 * The wanted indicator if it has figures; else the default; else the one most places report in its latest year.
 * `latest` undefined (not fetched yet): the wanted indicator if it has figures, else undefined (the answer
 * needs `latest`), so a view opened on an indicator with figures need not wait for that query (issue 12).
 */
export function resolveIndicator(catalog: readonly IndicatorCoverage[], latest: readonly LatestYearCoverage[], wanted: string | null): string | null;
export function resolveIndicator(catalog: readonly IndicatorCoverage[], latest: readonly LatestYearCoverage[] | undefined, wanted: string | null): string | null | undefined;
export function resolveIndicator(catalog: readonly IndicatorCoverage[], latest: readonly LatestYearCoverage[] | undefined, wanted: string | null): string | null | undefined {
  const hasFigures = (id: string | null) => catalog.some((i) => i.indicator_id === id && i.n_values > 0);
  if (hasFigures(wanted)) return wanted;
  if (latest === undefined) return undefined;
  if (latest.some((l) => l.indicator_id === DEFAULT_COMPARE_INDICATOR)) return DEFAULT_COMPARE_INDICATOR;
  return latest[0]?.indicator_id ?? catalog.find((i) => i.n_values > 0)?.indicator_id ?? catalog[0]?.indicator_id ?? null;
}

/** The wanted place if the dataset knows it; else 灵丘县; else the first place. */
export function resolveFocus(places: readonly Place[], wanted: string | null): Place | undefined {
  return places.find((p) => p.region_code === wanted) ?? places.find((p) => p.region_code === DEFAULT_FOCUS) ?? places[0];
}

/**
 * The wanted year if the peer group has any figure then; else the focal place's latest whole-year
 * figure (the leader sees their own place); else the group's latest year with whole-year figures; else the latest.
 */
export function resolveYear(years: readonly Pick<YearCount, 'year' | 'n_whole' | 'focus_whole'>[], wanted: number | null): number | null {
  if (years.some((y) => y.year === wanted)) return wanted;
  return years.find((y) => y.focus_whole)?.year ?? years.find((y) => y.n_whole > 0)?.year ?? years[0]?.year ?? null;
}

/** The earlier year of the two-year view: the wanted one if it is earlier and has whole-year figures; else the latest such year. */
export function resolveFrom(years: readonly YearCount[], year: number | null, wanted: number | null): number | null {
  if (year === null) return null;
  const earlier = years.filter((y) => y.year < year && y.n_whole > 0);
  return earlier.some((y) => y.year === wanted) ? wanted : earlier[0]?.year ?? null;
}
