/** The Trends view's data, each query a TanStack Query keyed by its inputs; all SQL lives in src/db/queries. */
import { useQuery } from '@tanstack/react-query';
import {
  countRegions, getDb, listIndicators, observationSiblings, regionsWithIndicator, trendPoints,
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
      const db = await getDb();
      const [indicators, regionCount] = await Promise.all([listIndicators(db), countRegions(db)]);
      return { indicators, regionCount };
    },
    staleTime: Infinity,
  });
}

export function useRegionsWith(indicatorId: string | null) {
  return useQuery({
    queryKey: trendsKeys.regionsWith(indicatorId),
    queryFn: async () => regionsWithIndicator(await getDb(), indicatorId!),
    enabled: indicatorId !== null,
    staleTime: Infinity,
  });
}

export function useTrend(indicatorId: string | null, regionCodes: readonly string[]) {
  return useQuery({
    queryKey: trendsKeys.trend(indicatorId, regionCodes),
    queryFn: async () => trendPoints(await getDb(), indicatorId!, regionCodes),
    enabled: indicatorId !== null,
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
}

/** The clicked observation and its competitors (same place, year, indicator), chosen one first. */
export function useObservation(obsId: string | null) {
  return useQuery({
    queryKey: ['observation', obsId],
    queryFn: async () => observationSiblings(await getDb(), obsId!),
    enabled: obsId !== null,
    staleTime: Infinity,
  });
}
