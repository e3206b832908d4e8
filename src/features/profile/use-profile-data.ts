/** The Profile view's data, each query a TanStack Query keyed by its inputs; all SQL lives in src/db/queries. */
import { useQuery } from '@tanstack/react-query';
import { getDb } from '../../db/index.ts';
import type { PeerSpec } from '../../db/queries/peers.ts';
import { datasetYears, peerStandings, profileFigures } from '../../db/queries/profile.ts';

export function useProfileFigures(regionCode: string | null) {
  return useQuery({
    queryKey: ['profile-figures', regionCode],
    queryFn: async () => profileFigures(await getDb(), regionCode!),
    enabled: regionCode !== null,
    staleTime: Infinity,
  });
}

export function usePeerStandings(spec: PeerSpec | null) {
  return useQuery({
    queryKey: ['peer-standings', spec?.group, spec?.focus, spec?.group === 'custom' ? [...spec.custom].sort().join(',') : ''],
    queryFn: async () => peerStandings(await getDb(), spec!),
    enabled: spec !== null,
    staleTime: Infinity,
  });
}

export function useDatasetYears() {
  return useQuery({ queryKey: ['dataset-years'], queryFn: async () => datasetYears(await getDb()), staleTime: Infinity });
}
