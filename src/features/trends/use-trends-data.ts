/**
 * The Trends view's data, each query a TanStack Query keyed by its inputs; all SQL lives in src/db/queries.
 * Each asks for the data it reads (docs/ARCHITECTURE.md): the catalog and the place lists come from
 * the pre-aggregates (NONE), a trend from the chosen places' provinces, every year.
 */
import { useDatabase } from '../shared/database.tsx';
import { useQuery } from '@tanstack/react-query';
import { NONE, placesScope, regionsWithIndicator, trendPoints } from '../../db/index.ts';
import { catalogKeys } from '../shared/data/use-catalog.ts';

/** The query keys, shared with the landing snapshot (landing-snapshot.ts), which seeds the same entries. */
export const trendsKeys = {
  indicators: catalogKeys.indicators,
  regionsWith: (indicatorId: string | null) => ['regions-with', indicatorId] as const,
  trend: (indicatorId: string | null, regionCodes: readonly string[]) => ['trend', indicatorId, [...regionCodes].sort()] as const,
};

export function useRegionsWith(indicatorId: string | null) {
  const database = useDatabase();
  return useQuery({
    queryKey: trendsKeys.regionsWith(indicatorId),
    queryFn: async () => regionsWithIndicator(await database.forScope(NONE, 'trends'), indicatorId!),
    enabled: indicatorId !== null,
    staleTime: Infinity,
  });
}

export function useTrend(indicatorId: string | null, regionCodes: readonly string[]) {
  const database = useDatabase();
  return useQuery({
    queryKey: trendsKeys.trend(indicatorId, regionCodes),
    queryFn: async () => trendPoints(await database.forScope(placesScope(regionCodes), 'trends'), indicatorId!, regionCodes),
    enabled: indicatorId !== null,
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
}

