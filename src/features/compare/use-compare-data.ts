/**
 * The Compare view's data, each query a TanStack Query keyed by its inputs; all SQL lives in src/db/queries.
 * The years with data come from the pre-aggregated `coverage` (NONE); the figures from the peer group's provinces (all provinces for "all") in the years shown.
 */
import { useDatabase } from '../shared/database.tsx';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { NONE, peerScope, type Database } from '../../db/index.ts';
import { compareFigures, compareYears, latestYearCoverage } from '../../db/queries/compare.ts';
import { compareFiguresFromTiles } from '../../db/queries/compare-tiles.ts';
import type { PeerSpec } from '../../db/queries/peers.ts';
import { placeYears } from '../../db/queries/year-tolerance.ts';
import { specKey } from '../shared/data/use-places.ts';

export function useLatestCoverage() {
  const database = useDatabase();
  return useQuery({ queryKey: ['latest-year-coverage'], queryFn: async () => latestYearCoverage(await database.forScope(NONE, 'compare')), staleTime: Infinity });
}

/** Shared by the hooks and the idle prefetch (use-compare-prefetch.ts). */
export const compareYearsQuery = (database: Database, indicatorId: string | null, spec: PeerSpec | null) => queryOptions({
  queryKey: ['compare-years', indicatorId, ...(spec ? specKey(spec) : [])],
  queryFn: async () => compareYears(await database.forScope(NONE, 'compare'), indicatorId!, spec!),
  staleTime: Infinity,
});

export const compareFiguresQuery = (database: Database, indicatorId: string | null, years: readonly number[], spec: PeerSpec | null) => queryOptions({
  queryKey: ['compare-figures', indicatorId, [...years].sort().join(','), ...(spec ? specKey(spec) : [])],
  queryFn: async () => {
    // The tiles when the dataset ships them (a national one): no partition of the peer group is fetched.
    const tiled = await database.forTiles(indicatorId!, years, 'compare');
    if (tiled) return compareFiguresFromTiles(tiled, indicatorId!, years, spec!);
    return compareFigures(await database.forScope(peerScope(spec!, years), 'compare'), indicatorId!, years, spec!);
  },
  staleTime: Infinity,
});

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
