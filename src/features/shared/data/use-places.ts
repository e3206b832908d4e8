/**
 * The places and a peer group's members (Trends, Compare and Profile pick from them), from `regions`
 * and the pre-aggregated `coverage` (NONE: no observation partition).
 */
import { useDatabase } from '../database.tsx';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { NONE, type Database } from '../../../db/index.ts';
import { listPlaces, peerMembers, type PeerSpec } from '../../../db/queries/peers.ts';

/** A peer group as query-key parts (a custom list sorted, so the order of picking does not matter). */
export const specKey = (spec: PeerSpec) => [spec.group, spec.focus, spec.group === 'custom' ? [...spec.custom].sort().join(',') : '', spec.level ?? 'all'];

/** Every place of the dataset (shared by the hook and the idle prefetch). */
export const placesQuery = (database: Database) => queryOptions({
  queryKey: ['places'], queryFn: async () => listPlaces(await database.forScope(NONE, 'places')), staleTime: Infinity,
});

export function usePlaces() {
  const database = useDatabase();
  return useQuery(placesQuery(database));
}

/** Shared by the hook and the idle prefetch (idle-prefetch.ts). */
export const peerMembersQuery = (database: Database, spec: PeerSpec | null) => queryOptions({
  queryKey: ['peer-members', ...(spec ? specKey(spec) : [])],
  queryFn: async () => peerMembers(await database.forScope(NONE, 'peers'), spec!),
  staleTime: Infinity,
});

/** `enabled` false: not asked yet (a view may ask for the count after what its chart waits for). */
export function usePeerMembers(spec: PeerSpec | null, enabled = true) {
  const database = useDatabase();
  return useQuery({ ...peerMembersQuery(database, spec), enabled: enabled && spec !== null, placeholderData: (previous) => previous });
}
