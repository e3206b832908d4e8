/**
 * The Trends view's data, each query a TanStack Query keyed by its inputs; all SQL lives in src/db/queries.
 * Each asks for the data it reads (docs/ARCHITECTURE.md): the catalog and the place lists come from
 * the pre-aggregates (NONE), a trend from the chosen places' provinces, every year.
 */
import { useQuery } from '@tanstack/react-query';
import {
  NONE, countRegions, getDbFor, listIndicators, observationSiblings, placesScope, regionsWithIndicator, trendPoints,
} from '../../db/index.ts';

/** The query keys, shared with the landing snapshot (landing-snapshot.ts), which seeds the same entries. */
export const trendsKeys = {
  indicators: () => ['indicators'] as const,
  regionsWith: (indicatorId: string | null) => ['regions-with', indicatorId] as const,
  trend: (indicatorId: string | null, regionCodes: readonly string[]) => ['trend', indicatorId, [...regionCodes].sort()] as const,
};

export function useIndicators() {
  return useQuery({
    queryKey: trendsKeys.indicators(),
    queryFn: async () => {
      const db = await getDbFor(NONE, 'catalog');
      const [indicators, regionCount] = await Promise.all([listIndicators(db), countRegions(db)]);
      return { indicators, regionCount };
    },
    staleTime: Infinity,
  });
}

export function useRegionsWith(indicatorId: string | null) {
  return useQuery({
    queryKey: trendsKeys.regionsWith(indicatorId),
    queryFn: async () => regionsWithIndicator(await getDbFor(NONE, 'trends'), indicatorId!),
    enabled: indicatorId !== null,
    staleTime: Infinity,
  });
}

export function useTrend(indicatorId: string | null, regionCodes: readonly string[]) {
  return useQuery({
    queryKey: trendsKeys.trend(indicatorId, regionCodes),
    queryFn: async () => trendPoints(await getDbFor(placesScope(regionCodes), 'trends'), indicatorId!, regionCodes),
    enabled: indicatorId !== null,
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
}

/**
 * The clicked observation and its competitors (same place, year, indicator), chosen one first. The
 * row is one a view shows, so its partition is loaded or being loaded: NONE waits for loads under way.
 */
export function useObservation(obsId: string | null) {
  return useQuery({
    queryKey: ['observation', obsId],
    queryFn: async () => observationSiblings(await getDbFor(NONE, 'provenance'), obsId!),
    enabled: obsId !== null,
    staleTime: Infinity,
  });
}
