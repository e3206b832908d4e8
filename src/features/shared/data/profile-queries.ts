/**
 * The Profile view's query options, shared by its hooks (features/profile/use-profile-data.ts) and the
 * idle prefetch of the other views (issue 12): a profile prefetched from Compare is the very cache
 * entry the Profile reads, so opening it only draws. All SQL lives in src/db/queries.
 *
 * The place's figures need its rows (its place file, or its province's partitions, every year). Its standing among peers compares its latest
 * whole-year figure of each indicator with the peers' figures of that same year, so the peers'
 * partitions are needed only for those years (one or two, not ten): the standings wait for the
 * place's figures to know them.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { NONE, peerScope, placesScope, type Database } from '../../../db/index.ts';
import { resolvePeerLevel, type PeerLevel, type PeerSpec, type Place } from '../../../db/queries/peers.ts';
import { placeTexts } from '../../../db/queries/place-reports.ts';
import { datasetYears, peerStandings, profileFigures, profileFiguresOfPlaces, type ProfileFigure } from '../../../db/queries/profile.ts';
import { peerStandingsFromTiles } from '../../../db/queries/profile-standings.ts';
import { yearsWithin } from '../../../db/queries/year-tolerance.ts';
import type { PrefetchStep } from './idle-prefetch.ts';
import { peerMembersQuery, specKey } from './use-places.ts';

export const profileFiguresQuery = (database: Database, regionCode: string | null) => queryOptions({
  queryKey: ['profile-figures', regionCode],
  queryFn: async () => profileFigures(await database.forPlaces([regionCode!], 'profile'), regionCode!),
  staleTime: Infinity,
});

/** The years of the place's latest whole-year figure, over its indicators (what the standings compare). */
export function latestWholeYears(figures: readonly ProfileFigure[]): number[] {
  const latest = new Map<string, number>();
  for (const f of figures) if (f.period === 'year' && f.year > (latest.get(f.indicator_id) ?? -Infinity)) latest.set(f.indicator_id, f.year);
  return [...new Set(latest.values())].sort((a, b) => a - b);
}

/**
 * The place's standings among its peers. The query waits for the place's figures itself (the same
 * cache entry profileFiguresQuery fills), so no render lies between the two queries. The years are
 * derived from the figures, so the key needs only the group and the tolerance.
 */
export const peerStandingsQuery = (database: Database, client: QueryClient, spec: PeerSpec | null, tolerance: number) => queryOptions({
  queryKey: ['peer-standings', ...(spec ? specKey(spec) : []), tolerance],
  queryFn: async () => {
    // All places of the place's tier: the publisher's standings when the dataset ships them (no peer partition fetched).
    const standing = spec!.group === 'all' ? await database.forStandings(spec!.focus, 'profile') : null;
    const fromStandings = standing ? await peerStandingsFromTiles(standing, spec!, tolerance) : null;
    if (fromStandings) return fromStandings;
    const figures = await client.fetchQuery(profileFiguresQuery(database, spec!.focus));
    // The peers' figures within ±tolerance of the place's latest whole years are compared.
    const years = [...new Set(latestWholeYears(figures).flatMap((y) => yearsWithin(y, tolerance)))].sort((a, b) => a - b);
    // Two scopes, loaded one after the other: their union as one scope would be every partition.
    await database.forPlaces([spec!.focus], 'profile');
    return peerStandings(await database.forScope(peerScope(spec!, years), 'profile'), spec!, tolerance);
  },
  staleTime: Infinity,
});

export const datasetYearsQuery = (database: Database) => queryOptions({
  queryKey: ['dataset-years'],
  queryFn: async () => datasetYears(await database.forScope(NONE, 'profile')),
  staleTime: Infinity,
});

/** Which texts we hold for the place (full reports or only excerpts), to say what a missing figure means. */
export const placeTextsQuery = (database: Database, regionCode: string | null) => queryOptions({
  queryKey: ['place-texts', regionCode],
  queryFn: async () => placeTexts(await database.forScope(NONE, 'profile'), regionCode!),
  staleTime: Infinity,
});

/** The URL state a profile opens with besides its place (the peer group, its tier and the year tolerance are kept across views). */
export interface ProfileContext {
  peers: PeerSpec['group'];
  /** The reader's own list (the URL's places), used when `peers` is 'custom'. */
  custom: readonly string[];
  level: PeerLevel | null;
  tolerance: number;
}

/** The Profile's spec for a place, resolved as the view resolves it (ProfileView.tsx). */
export const profileSpec = (place: Pick<Place, 'region_code' | 'level'>, context: ProfileContext): PeerSpec =>
  ({ group: context.peers, focus: place.region_code, custom: context.custom, level: resolvePeerLevel(context.level, place) });

/** At most this many places' figures in one prefetch statement (a national list is thousands). */
export const LIKELY_PROFILES = 24;

/**
 * What opening a likely profile reads, as idle-prefetch steps: the figures of `places` (the table
 * draws from them) in one statement, then for `focus`, the most likely, also its texts, its peers and
 * their standings. On a partitioned dataset nothing: a prefetch never downloads partitions the reader
 * has not asked for.
 */
export function likelyProfileSteps(
  database: Database, places: readonly string[], focus?: { place: Pick<Place, 'region_code' | 'level'>; context: ProfileContext },
): PrefetchStep[] {
  return [async (client: QueryClient) => {
    if ((await database.source()).manifest.layout === 'hive-parquet') return [];
    const codes = [...new Set([...(focus ? [focus.place.region_code] : []), ...places])].slice(0, LIKELY_PROFILES);
    const missing = codes.filter((code) => client.getQueryData(profileFiguresQuery(database, code).queryKey) === undefined);
    if (missing.length > 0) {
      const byPlace = await profileFiguresOfPlaces(await database.forScope(placesScope(missing), 'profile'), missing);
      for (const [code, figures] of byPlace) {
        const { queryKey } = profileFiguresQuery(database, code);
        if (client.getQueryData(queryKey) === undefined) client.setQueryData(queryKey, figures);
      }
    }
    if (!focus) return [datasetYearsQuery(database)];
    const spec = profileSpec(focus.place, focus.context);
    return [
      datasetYearsQuery(database), placeTextsQuery(database, focus.place.region_code), peerMembersQuery(database, spec),
      (next: QueryClient) => next.prefetchQuery(peerStandingsQuery(database, next, spec, focus.context.tolerance)),
    ];
  }];
}
