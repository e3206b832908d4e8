/**
 * The Compare view's data, each query a TanStack Query keyed by its inputs (the options, shared with
 * the other views' prefetch, in shared/data/compare-queries.ts); all SQL lives in src/db/queries.
 * The years with data come from the pre-aggregated `coverage` (NONE); the figures from the peer group's provinces (all provinces for "all") in the years shown.
 */
import { useDatabase } from '../shared/database.tsx';
import { useQuery } from '@tanstack/react-query';
import { NONE } from '../../db/index.ts';
import type { PeerSpec } from '../../db/queries/peers.ts';
import { compareFiguresQuery, compareYearsQuery, latestCoverageQuery } from '../shared/data/compare-queries.ts';
import { placeYears } from '../../db/queries/year-tolerance.ts';
import { specKey } from '../shared/data/use-places.ts';

/** `enabled` false: not needed (the view's indicator is known without it). */
export function useLatestCoverage(enabled: boolean) {
  const database = useDatabase();
  return useQuery({ ...latestCoverageQuery(database), enabled });
}

export function useCompareYears(indicatorId: string | null, spec: PeerSpec | null) {
  const database = useDatabase();
  return useQuery({ ...compareYearsQuery(database, indicatorId, spec), enabled: indicatorId !== null && spec !== null });
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
