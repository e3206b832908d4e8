/**
 * The Compare view's data, each query a TanStack Query keyed by its inputs (the options, shared with
 * the other views' prefetch, in shared/data/compare-queries.ts); all SQL lives in src/db/queries.
 * The years with data come from the pre-aggregated `coverage` (NONE); the figures from the peer group's provinces (all provinces for "all") in the years shown.
 */
import { useDatabase } from '../shared/database.tsx';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { NONE } from '../../db/index.ts';
import type { YearCount } from '../../db/queries/compare.ts';
import type { PeerSpec } from '../../db/queries/peers.ts';
import { compareFiguresQuery, compareYearsQuery, latestCoverageQuery } from '../shared/data/compare-queries.ts';
import { placeYears } from '../../db/queries/year-tolerance.ts';
import { specKey } from '../shared/data/use-places.ts';

/** `enabled` false: not needed (the view's indicator is known without it). */
export function useLatestCoverage(enabled: boolean) {
  const database = useDatabase();
  return useQuery({ ...latestCoverageQuery(database), enabled });
}

/**
 * `figureYears`: the years whose figures the view will ask for, given the group's years. They are asked
 * for as soon as the years arrive, not after the render that shows them: on a first visit to a group
 * the idle plans had not reached, that render stood between the two queries (issue 12, peer group).
 * The same query options as the view's own (compare-queries.ts), so the view finds them in the cache.
 */
export function useCompareYears(indicatorId: string | null, spec: PeerSpec | null, figureYears?: (years: readonly YearCount[]) => readonly number[]) {
  const database = useDatabase();
  const client = useQueryClient();
  const options = compareYearsQuery(database, indicatorId, spec);
  return useQuery({
    ...options,
    queryFn: async (context) => {
      const years = await options.queryFn!(context);
      const wanted = figureYears?.(years) ?? [];
      if (indicatorId !== null && spec !== null && wanted.length > 0) void client.prefetchQuery(compareFiguresQuery(database, indicatorId, wanted, spec));
      return years;
    },
    enabled: indicatorId !== null && spec !== null,
  });
}

export function useCompareFigures(indicatorId: string | null, years: readonly number[], spec: PeerSpec | null) {
  const database = useDatabase();
  return useQuery({ ...compareFiguresQuery(database, indicatorId, years, spec), enabled: indicatorId !== null && spec !== null && years.length > 0 });
}

/** Which years each place of the group has the indicator in (from `coverage`): asked only when nothing can be ranked. */
export function usePlaceYears(indicatorId: string | null, spec: PeerSpec | null, enabled: boolean) {
  const database = useDatabase();
  return useQuery({
    queryKey: ['place-years', indicatorId, ...(spec ? specKey(spec) : [])],
    queryFn: async () => placeYears(await database.forScope(NONE, 'compare'), indicatorId!, spec!),
    enabled: enabled && indicatorId !== null && spec !== null,
    staleTime: Infinity,
  });
}
