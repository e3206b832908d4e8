/**
 * The Compare (and Profile) data, each query a TanStack Query keyed by its inputs; all SQL lives in src/db/queries.
 * Places, peer members and the years with data come from `regions` and the pre-aggregated `coverage`
 * (NONE); the figures from the peer group's provinces (all provinces for "all") in the years shown.
 */
import { useQuery } from '@tanstack/react-query';
import { NONE, getDbFor, peerScope } from '../../db/index.ts';
import { compareFigures, compareYears, latestYearCoverage } from '../../db/queries/compare.ts';
import { listPlaces, peerMembers, type PeerSpec } from '../../db/queries/peers.ts';
import { placeYears } from '../../db/queries/year-tolerance.ts';

export const specKey = (spec: PeerSpec) => [spec.group, spec.focus, spec.group === 'custom' ? [...spec.custom].sort().join(',') : '', spec.level ?? 'all'];

export function usePlaces() {
  return useQuery({ queryKey: ['places'], queryFn: async () => listPlaces(await getDbFor(NONE, 'places')), staleTime: Infinity });
}

export function useLatestCoverage() {
  return useQuery({ queryKey: ['latest-year-coverage'], queryFn: async () => latestYearCoverage(await getDbFor(NONE, 'compare')), staleTime: Infinity });
}

export function usePeerMembers(spec: PeerSpec | null) {
  return useQuery({
    queryKey: ['peer-members', ...(spec ? specKey(spec) : [])],
    queryFn: async () => peerMembers(await getDbFor(NONE, 'peers'), spec!),
    enabled: spec !== null,
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
}

export function useCompareYears(indicatorId: string | null, spec: PeerSpec | null) {
  return useQuery({
    queryKey: ['compare-years', indicatorId, ...(spec ? specKey(spec) : [])],
    queryFn: async () => compareYears(await getDbFor(NONE, 'compare'), indicatorId!, spec!),
    enabled: indicatorId !== null && spec !== null,
    staleTime: Infinity,
  });
}

export function useCompareFigures(indicatorId: string | null, years: readonly number[], spec: PeerSpec | null) {
  return useQuery({
    queryKey: ['compare-figures', indicatorId, [...years].sort().join(','), ...(spec ? specKey(spec) : [])],
    queryFn: async () => compareFigures(await getDbFor(peerScope(spec!, years), 'compare'), indicatorId!, years, spec!),
    enabled: indicatorId !== null && spec !== null && years.length > 0,
    staleTime: Infinity,
  });
}

/** Which years each place of the group has the indicator in (from `coverage`): asked only when nothing can be ranked. */
export function usePlaceYears(indicatorId: string | null, spec: PeerSpec | null, enabled: boolean) {
  return useQuery({
    queryKey: ['place-years', indicatorId, ...(spec ? specKey(spec) : [])],
    queryFn: async () => placeYears(await getDbFor(NONE, 'compare'), indicatorId!, spec!),
    enabled: enabled && indicatorId !== null && spec !== null,
    staleTime: Infinity,
  });
}
