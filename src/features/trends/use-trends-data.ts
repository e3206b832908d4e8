/**
 * The Trends view's data, each query a TanStack Query keyed by its inputs; all SQL lives in src/db/queries.
 * Each asks for the data it reads (docs/ARCHITECTURE.md): the catalog and the place lists come from
 * the pre-aggregates (NONE), a trend from the chosen places' rows (their place files, or their
 * provinces' partitions, every year). The query
 * options are shared by the hooks and the idle prefetch (use-trends-prefetch.ts), so a prefetched
 * entry is exactly the one the view reads.
 */
import { useDatabase } from '../shared/database.tsx';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { defaultRegions } from '../../core/landing.ts';
import { NONE, regionsWithIndicator, trendPoints, type Database, type RegionCoverage } from '../../db/index.ts';
import { catalogKeys } from '../shared/data/use-catalog.ts';

/** The query keys, shared with the landing snapshot (landing-snapshot.ts), which seeds the same entries. */
export const trendsKeys = {
  indicators: catalogKeys.indicators,
  regionsWith: (indicatorId: string | null) => ['regions-with', indicatorId] as const,
  trend: (indicatorId: string | null, regionCodes: readonly string[]) => ['trend', indicatorId, [...regionCodes].sort()] as const,
};

export const regionsWithQuery = (database: Database, indicatorId: string) => queryOptions({
  queryKey: trendsKeys.regionsWith(indicatorId),
  queryFn: async () => regionsWithIndicator(await database.forScope(NONE, 'trends'), indicatorId),
  staleTime: Infinity,
});

export const trendQuery = (database: Database, indicatorId: string, regionCodes: readonly string[]) => queryOptions({
  queryKey: trendsKeys.trend(indicatorId, regionCodes),
  queryFn: async () => trendPoints(await database.forPlaces(regionCodes, 'trends'), indicatorId, regionCodes),
  staleTime: Infinity,
});

/**
 * The places drawn for an indicator: the reader's choice (null: none made) kept to the places that
 * have it, or the default places when none is left.
 */
export function chosenRegionCodes(regions: readonly RegionCoverage[], chosen: readonly string[] | null): string[] {
  const available = new Set(regions.map((r) => r.region_code));
  const kept = chosen?.filter((c) => available.has(c)) ?? [];
  return chosen === null || (kept.length === 0 && chosen.length > 0) ? defaultRegions(regions) : kept;
}

/** Part-year figures are shown when the reader chose so, by default for rates (a part-year count understates the year). */
export const showsPartYear = (choice: boolean | null, unit: string | undefined): boolean => choice ?? unit === '%';

/** The points drawn: all, or the whole-year ones only. */
export const visiblePoints = <P extends { period: string }>(points: readonly P[], showPartYear: boolean): readonly P[] =>
  (showPartYear ? points : points.filter((p) => p.period === 'year'));

export function useRegionsWith(indicatorId: string | null) {
  const database = useDatabase();
  return useQuery({ ...regionsWithQuery(database, indicatorId ?? ''), enabled: indicatorId !== null });
}

export function useTrend(indicatorId: string | null, regionCodes: readonly string[]) {
  const database = useDatabase();
  return useQuery({
    ...trendQuery(database, indicatorId ?? '', regionCodes),
    enabled: indicatorId !== null,
    placeholderData: (previous) => previous,
  });
}
