/** The Trends view's data, each query a TanStack Query keyed by its inputs; all SQL lives in src/db/queries. */
import { useQuery } from '@tanstack/react-query';
import {
  countRegions, getDb, listIndicators, observationSiblings, regionsWithIndicator, trendPoints,
} from '../../db/index.ts';

export function useIndicators() {
  return useQuery({
    queryKey: ['indicators'],
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
    queryKey: ['regions-with', indicatorId],
    queryFn: async () => regionsWithIndicator(await getDb(), indicatorId!),
    enabled: indicatorId !== null,
    staleTime: Infinity,
  });
}

export function useTrend(indicatorId: string | null, regionCodes: readonly string[]) {
  return useQuery({
    queryKey: ['trend', indicatorId, [...regionCodes].sort()],
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
