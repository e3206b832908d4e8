/**
 * The Compare view's query options, shared by its hooks (features/compare/use-compare-data.ts) and the
 * idle prefetch of the other views (issue 12): Compare's first state prefetched from Trends is the very
 * cache entry Compare reads, so the first visit only draws. All SQL lives in src/db/queries.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { NONE, peerScope, type Database } from '../../../db/index.ts';
import { compareFigures, compareYears, latestYearCoverage } from '../../../db/queries/compare.ts';
import { compareFiguresFromTiles } from '../../../db/queries/compare-tiles.ts';
import { figureQuotes, figureQuotesFromTiles } from '../../../db/queries/compare-quotes.ts';
import { resolvePeerLevel, type PeerLevel, type PeerSpec } from '../../../db/queries/peers.ts';
import type { IndicatorCoverage } from '../../../db/queries/indicators.ts';
import { resolveFocus, resolveIndicator } from '../resolve.ts';
import { figureYearsFor } from './compare-model.ts';
import type { PrefetchStep } from './idle-prefetch.ts';
import { peerMembersQuery, placesQuery, specKey } from './use-places.ts';

/** The indicators' latest years with figures (the pre-aggregated `coverage`, NONE): Compare resolves its indicator with it. */
export const latestCoverageQuery = (database: Database) => queryOptions({
  queryKey: ['latest-year-coverage'],
  queryFn: async () => latestYearCoverage(await database.forScope(NONE, 'compare')),
  staleTime: Infinity,
});

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

/**
 * The quotes of some of Compare's figures (the bars drawn, or all of them for an export), read where the
 * figures were: the tiles of their years when the dataset ships tiles (loaded already: the figures came
 * from them), otherwise the rows. Keyed by the figures' ids, sorted.
 */
export const compareQuotesQuery = (database: Database, indicatorId: string, figures: readonly { obs_id: string; year: number }[]) => {
  const ids = [...new Set(figures.map((f) => f.obs_id))].sort();
  const years = [...new Set(figures.map((f) => f.year))].sort((a, b) => a - b);
  return queryOptions({
    queryKey: ['compare-quotes', indicatorId, ids.join(',')],
    queryFn: async () => {
      const tiled = await database.forTiles(indicatorId, years, 'compare');
      return tiled ? figureQuotesFromTiles(tiled, ids) : figureQuotes(await database.forScope(NONE, 'compare'), ids);
    },
    staleTime: Infinity,
  });
};

/** The URL state Compare opens with (kept across views), and the catalog it resolves the indicator in. */
export interface CompareContext {
  /** The URL's indicator (null: Compare's default, which needs the latest coverage). */
  indicator: string | null;
  indicators: readonly IndicatorCoverage[];
  /** The URL's focal place (null: Compare's default place). */
  focus: string | null;
  peers: PeerSpec['group'];
  custom: readonly string[];
  level: PeerLevel | null;
  tolerance: number;
  year: number | null;
  from: number | null;
}

/** How many of the reader's drawn places are tried as Compare's focal place (each is 3 queries a group). */
export const LIKELY_COMPARE_FOCUSES = 4;

/**
 * What opening Compare reads, as idle-prefetch steps, resolved as CompareView resolves them: its
 * indicator (the latest coverage only if the URL names none with figures), then for the focal place the URL names (or Compare's default) in the URL's peer
 * group, and then for each of the reader's drawn places (`places`, the likely next focus) in that group
 * and among its prefecture's places (the nearest peers), the group's members, its years and the
 * figures of the year the view would show. On a partitioned dataset without tiles only the members and
 * years (from `coverage`) are fetched: a prefetch never downloads partitions the reader has not asked for.
 * `groups`: the peer groups tried (default: the reader's and the prefecture).
 */
export function likelyCompareSteps(
  database: Database, context: CompareContext, places: readonly string[], groups: readonly PeerSpec['group'][] = [context.peers, 'prefecture'],
): PrefetchStep[] {
  return [async (client: QueryClient) => {
    const indicatorId = resolveIndicator(context.indicators, undefined, context.indicator)
      ?? resolveIndicator(context.indicators, await client.fetchQuery(latestCoverageQuery(database)), context.indicator);
    if (indicatorId === null) return [];
    const all = await client.fetchQuery(placesQuery(database));
    const { manifest } = await database.source();
    const partitioned = manifest.layout === 'hive-parquet' && manifest.tiles === undefined;
    const opened = resolveFocus(all, context.focus);
    const candidates = [...new Set([...(opened ? [opened.region_code] : []), ...places.slice(0, LIKELY_COMPARE_FOCUSES)])]
      .map((code) => all.find((p) => p.region_code === code)).filter((p) => p !== undefined);
    const specs: PeerSpec[] = [];
    for (const group of new Set(groups)) {
      for (const place of candidates) specs.push({ group, focus: place.region_code, custom: context.custom, level: resolvePeerLevel(context.level, place) });
    }
    return specs.flatMap((spec): PrefetchStep[] => [peerMembersQuery(database, spec), async (next: QueryClient) => {
      const years = await next.fetchQuery(compareYearsQuery(database, indicatorId, spec));
      if (partitioned) return [];
      return [compareFiguresQuery(database, indicatorId, figureYearsFor(years, context.year, context.from, context.tolerance), spec)];
    }]);
  }];
}
