/**
 * The Profile view's data, each query a TanStack Query keyed by its inputs; the query options are
 * shared with the other views' idle prefetch (shared/data/profile-queries.ts), all SQL lives in src/db/queries.
 */
import { useDatabase } from '../shared/database.tsx';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { PeerSpec } from '../../db/queries/peers.ts';
import { datasetYearsQuery, peerStandingsQuery, placeTextsQuery, profileFiguresQuery } from '../shared/data/profile-queries.ts';

export { latestWholeYears } from '../shared/data/profile-queries.ts';

export function useProfileFigures(regionCode: string | null) {
  const database = useDatabase();
  return useQuery({ ...profileFiguresQuery(database, regionCode), enabled: regionCode !== null });
}

/** Starts with the view, not after it has drawn the place's figures (profile-queries.ts). */
export function usePeerStandings(spec: PeerSpec | null, tolerance: number) {
  const database = useDatabase();
  const client = useQueryClient();
  return useQuery({ ...peerStandingsQuery(database, client, spec, tolerance), enabled: spec !== null && spec.focus !== '' });
}

export function useDatasetYears() {
  const database = useDatabase();
  return useQuery(datasetYearsQuery(database));
}

/** Which texts we hold for the place (full reports or only excerpts), to say what a missing figure means. */
export function usePlaceTexts(regionCode: string | null) {
  const database = useDatabase();
  return useQuery({ ...placeTextsQuery(database, regionCode), enabled: regionCode !== null });
}
