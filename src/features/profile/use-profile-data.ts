/**
 * The Profile view's data, each query a TanStack Query keyed by its inputs; all SQL lives in src/db/queries.
 * The place's figures need its rows (its place file, or its province's partitions, every year). Its standing among peers compares its latest
 * whole-year figure of each indicator with the peers' figures of that same year, so the peers'
 * partitions are needed only for those years (one or two, not ten): the standings wait for the
 * place's figures to know them.
 */
import { useDatabase } from '../shared/database.tsx';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { NONE, peerScope, type Database } from '../../db/index.ts';
import type { PeerSpec } from '../../db/queries/peers.ts';
import { placeTexts } from '../../db/queries/place-reports.ts';
import { datasetYears, peerStandings, profileFigures, type ProfileFigure } from '../../db/queries/profile.ts';
import { peerStandingsFromTiles } from '../../db/queries/profile-standings.ts';
import { yearsWithin } from '../../db/queries/year-tolerance.ts';
import { specKey } from '../shared/data/use-places.ts';

const profileFiguresQuery = (database: Database, regionCode: string | null) => queryOptions({
  queryKey: ['profile-figures', regionCode],
  queryFn: async () => profileFigures(await database.forPlaces([regionCode!], 'profile'), regionCode!),
  staleTime: Infinity,
});

export function useProfileFigures(regionCode: string | null) {
  const database = useDatabase();
  return useQuery({ ...profileFiguresQuery(database, regionCode), enabled: regionCode !== null });
}

/** The years of the place's latest whole-year figure, over its indicators (what the standings compare). */
export function latestWholeYears(figures: readonly ProfileFigure[]): number[] {
  const latest = new Map<string, number>();
  for (const f of figures) if (f.period === 'year' && f.year > (latest.get(f.indicator_id) ?? -Infinity)) latest.set(f.indicator_id, f.year);
  return [...new Set(latest.values())].sort((a, b) => a - b);
}

/**
 * Starts with the view, not after it has drawn the place's figures: the query waits for those figures
 * itself (the same cache entry useProfileFigures reads), so no render lies between the two queries.
 * The years are derived from the figures, so the key needs only the group and the tolerance.
 */
export function usePeerStandings(spec: PeerSpec | null, tolerance: number) {
  const database = useDatabase();
  const client = useQueryClient();
  return useQuery({
    queryKey: ['peer-standings', ...(spec ? specKey(spec) : []), tolerance],
    queryFn: async () => {
      // All places of the place's tier: the publisher's standings when the dataset ships them (no peer partition fetched).
      const standing = spec!.group === 'all' ? await database.forStandings(spec!.focus, 'profile') : null;
      const fromStandings = standing ? await peerStandingsFromTiles(standing, spec!, tolerance) : null;
      if (fromStandings) return fromStandings;
      const figures = await client.fetchQuery(profileFiguresQuery(database, spec!.focus));
      // The peers' figures within ±tolerance of the place's latest whole years are compared.
      const years = [...new Set(latestWholeYears(figures).flatMap((y) => yearsWithin(y, tolerance)))].sort((a, b) => a - b);
      // The place's own rows (all years), then the peers' partitions of those years: never one scope,
      // whose union could be every partition.
      await database.forPlaces([spec!.focus], 'profile');
      return peerStandings(await database.forScope(peerScope(spec!, years), 'profile'), spec!, tolerance);
    },
    enabled: spec !== null && spec.focus !== '',
    staleTime: Infinity,
  });
}

export function useDatasetYears() {
  const database = useDatabase();
  return useQuery({ queryKey: ['dataset-years'], queryFn: async () => datasetYears(await database.forScope(NONE, 'profile')), staleTime: Infinity });
}

/** Which texts we hold for the place (full reports or only excerpts), to say what a missing figure means. */
export function usePlaceTexts(regionCode: string | null) {
  const database = useDatabase();
  return useQuery({
    queryKey: ['place-texts', regionCode],
    queryFn: async () => placeTexts(await database.forScope(NONE, 'profile'), regionCode!),
    enabled: regionCode !== null,
    staleTime: Infinity,
  });
}
