/**
 * Data every view reads: the indicator catalog with its coverage, and one observation with its
 * competitors (the source panel's). TanStack Queries keyed by their inputs; the SQL lives in src/db/queries.
 */
import { useDatabase } from '../database.tsx';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { NONE, countRegions, listIndicators, observationSiblings, type Database } from '../../../db/index.ts';

/** The query keys the landing snapshot (trends/landing-snapshot.ts) seeds as well. */
export const catalogKeys = {
  indicators: () => ['indicators'] as const,
};

/** The catalog and the number of places, from the pre-aggregates (NONE: no observation partition). */
export function useIndicators() {
  const database = useDatabase();
  return useQuery({
    queryKey: catalogKeys.indicators(),
    queryFn: async () => {
      const db = await database.forScope(NONE, 'catalog');
      const [indicators, regionCount] = await Promise.all([listIndicators(db), countRegions(db)]);
      return { indicators, regionCount };
    },
    staleTime: Infinity,
  });
}

/**
 * The clicked observation and its competitors (same place, year, indicator), chosen one first. The
 * row is one a view shows: its partition is loaded or being loaded, or, for a figure a view drew from a
 * tile, fetched now (its place and year, one partition: `forObservation`).
 */
export const observationQuery = (database: Database, obsId: string | null) => queryOptions({
  queryKey: ['observation', obsId],
  queryFn: async () => observationSiblings(await database.forObservation(obsId!, 'provenance'), obsId!),
  staleTime: Infinity,
});

export function useObservation(obsId: string | null) {
  const database = useDatabase();
  return useQuery({ ...observationQuery(database, obsId), enabled: obsId !== null });
}
