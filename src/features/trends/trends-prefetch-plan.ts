/**
 * What the Trends view fetches while the reader looks at a chart (issue 12): the states one click
 * away, in the order a reader is likely to reach them, through the very query options the view reads
 * (use-trends-data.ts), so a click finds its data cached and only draws.
 *
 * 1. Every indicator's places, in one query (the indicator picker's next choice starts from them; on a
 *    nation as many lists as PLACE_ROWS_IN_ONE_STATEMENT allows, the likeliest first),
 *    the source panel's code; every indicator's trend for the places it would draw and this
 *    indicator's with a place removed or added, with their reports (two statements); each drawn
 *    point's source panel (one statement); the tables of the drawn places' profiles (one statement).
 * 2. The indicators next to this one in the picker: their trend for the places the view would draw,
 *    their sources and their place presets.
 * 3. This indicator with one place removed, or one of the next eight places added. On a partitioned
 *    dataset only places in the drawn places' provinces are tried: a prefetch never downloads
 *    partitions of a province the reader has not asked for (with per-place files, src/db/place-files.ts,
 *    it fetches at most those eight places' files, ≈ 33 KB each on the synthetic nation).
 * 4. Compare's first state for the drawn places (compare-queries.ts); for the place the Compare tab opens
 *    on, in the reader's group, this comes right after step 1 (it also prepares Compare's statements).
 * 5. The other indicators, best covered first.
 *
 * Loaded on first use (use-trends-prefetch.ts), so it is not on the first chart's path.
 */
import type { QueryClient } from '@tanstack/react-query';
import { NONE, observationSiblingsOf, placesScope, provinceOf, regionsWithIndicators, trendPointsOfIndicators, type Database, type IndicatorCoverage, type RegionCoverage, type TrendRequest } from '../../db/index.ts';
import { observationQuery } from '../shared/data/use-catalog.ts';
import { likelyProfileSteps } from '../shared/data/profile-queries.ts';
import { likelyCompareSteps, type CompareContext } from '../shared/data/compare-queries.ts';
import type { AppState } from '../shared/app-state/app-state.ts';
import { clampTolerance } from '../../db/queries/year-tolerance.ts';
import { peerMembersQuery } from '../shared/data/use-places.ts';
import type { PrefetchStep } from '../shared/data/idle-prefetch.ts';
import { reportSourcesQuery } from '../shared/export/use-report-sources.ts';
import { chosenRegionCodes, regionsWithQuery, showsPartYear, trendQuery, trendsKeys, visiblePoints } from './use-trends-data.ts';

/** Places tried as "the next one added" (the best covered not yet drawn). */
const ADD_CANDIDATES = 8;

export interface TrendsState {
  indicators: readonly IndicatorCoverage[];
  indicatorId: string;
  /** The reader's places from the URL (null: the defaults). */
  chosen: readonly string[] | null;
  regions: readonly RegionCoverage[];
  regionCodes: readonly string[];
  partYearChoice: boolean | null;
  /** The observations drawn now. */
  shownObsIds: readonly string[];
  /** The whole URL state: Compare opens with its focal place, peer group, year and tolerance. */
  app: Pick<AppState, 'indicator' | 'focus' | 'peers' | 'regions' | 'level' | 'tol' | 'year' | 'from'>;
}

/** A trend and what drawing it also reads: its points' sources and the place presets of its first place. */
function trendSteps(database: Database, indicator: IndicatorCoverage, regionCodes: readonly string[], showPartYear: boolean): PrefetchStep[] {
  const first = regionCodes[0];
  return [
    async (client: QueryClient) => {
      const points = await client.fetchQuery(trendQuery(database, indicator.indicator_id, regionCodes));
      const ids = visiblePoints(points, showPartYear).map((p) => p.report_id);
      return ids.length > 0 ? [reportSourcesQuery(database, ids)] : [];
    },
    ...(first ? (['prefecture', 'province'] as const).map((group) => peerMembersQuery(database, { group, focus: first, custom: [] })) : []),
  ];
}

/** A trend to prefetch, with whether the view would show its part-year points (their reports are fetched too). */
type TrendWanted = TrendRequest & { showPartYear: boolean };

/**
 * Trends the reader is one click from, in one statement, and the reports behind their drawn points in
 * one more: every indicator for the places the view would draw (a reader may pick any indicator next),
 * and this indicator with one place removed or one of the next places added. One query each took
 * 40–80 ms, and a state the plan had not reached yet was the tail of "switch indicator" and "add a
 * place". Skipped on a partitioned dataset, where trends of places not loaded would download partitions
 * (the steps after this one fetch them one by one, within the loaded provinces).
 */
async function trendsInOneStatement(client: QueryClient, database: Database, state: TrendsState, indicators: readonly IndicatorCoverage[]): Promise<void> {
  if ((await database.source()).manifest.layout === 'hive-parquet') return;
  const wanted: TrendWanted[] = [];
  for (const i of indicators) {
    const places = client.getQueryData<RegionCoverage[]>(trendsKeys.regionsWith(i.indicator_id));
    // After an indicator change the part-year choice is reset: the indicator's default applies.
    if (places) wanted.push({ indicatorId: i.indicator_id, regionCodes: chosenRegionCodes(places, state.chosen), showPartYear: showsPartYear(null, i.unit) });
  }
  const current = indicators.find((i) => i.indicator_id === state.indicatorId);
  if (current) {
    const { regionCodes } = state;
    const showPartYear = showsPartYear(state.partYearChoice, current.unit);
    const removed = regionCodes.length > 1 ? regionCodes.map((code) => regionCodes.filter((c) => c !== code)) : [];
    const added = state.regions.map((r) => r.region_code).filter((code) => !regionCodes.includes(code)).slice(0, ADD_CANDIDATES).map((code) => [...regionCodes, code]);
    for (const codes of [...removed, ...added]) wanted.push({ indicatorId: current.indicator_id, regionCodes: codes, showPartYear });
  }
  const requests = wanted.filter((r) => r.regionCodes.length > 0 && client.getQueryData(trendsKeys.trend(r.indicatorId, r.regionCodes)) === undefined);
  if (requests.length === 0) return;
  const scope = placesScope([...new Set(requests.flatMap((r) => r.regionCodes))]);
  const answers = await trendPointsOfIndicators(await database.forScope(scope, 'trends'), requests);
  const sources = new Map<string, string[]>();
  for (const [k, r] of requests.entries()) {
    const points = answers[k];
    if (!points) continue;
    const key = trendsKeys.trend(r.indicatorId, r.regionCodes);
    if (client.getQueryData(key) === undefined) client.setQueryData(key, points);
    const ids = visiblePoints(points, r.showPartYear).map((p) => p.report_id);
    if (ids.length > 0) sources.set(JSON.stringify(reportSourcesQuery(database, ids).queryKey), ids);
  }
  const missing = [...sources.values()].filter((ids) => client.getQueryData(reportSourcesQuery(database, ids).queryKey) === undefined);
  if (missing.length === 0) return;
  // The union's rows, each list's filtered from them: reportSources orders by place, year and id, so a filter keeps its order.
  const all = await client.fetchQuery(reportSourcesQuery(database, missing.flat()));
  for (const ids of missing) {
    const mine = new Set(ids);
    const { queryKey } = reportSourcesQuery(database, ids);
    if (client.getQueryData(queryKey) === undefined) client.setQueryData(queryKey, all.filter((r) => mine.has(r.report_id)));
  }
}

/**
 * The source panel of each drawn point (a click on a point opens it), in one statement. On a
 * partitioned dataset a point drawn from a tile may need its partition: one query per point, as the panel asks.
 */
async function drawnSources(client: QueryClient, database: Database, obsIds: readonly string[]): Promise<PrefetchStep[] | void> {
  const missing = obsIds.filter((id) => client.getQueryData(observationQuery(database, id).queryKey) === undefined);
  if (missing.length === 0) return;
  if ((await database.source()).manifest.layout === 'hive-parquet') return missing.map((id) => observationQuery(database, id));
  const byId = await observationSiblingsOf(await database.loaded(), missing);
  for (const [id, rows] of byId) {
    const { queryKey } = observationQuery(database, id);
    if (client.getQueryData(queryKey) === undefined) client.setQueryData(queryKey, rows);
  }
}

/**
 * At most this many place rows in the one statement that prefetches the indicators' place lists. On
 * the shipped data every indicator fits (34 × ≤ 40 places); on a nation all 100 lists were 284,600
 * rows: a 14 s statement holding DuckDB's one thread and an 8.8 s main-thread task turning it into
 * objects, under the reader's first indicator step (docs/BENCHMARKS.md, "National scale: part D").
 * The lists left out are fetched one by one when the plan reaches their indicator.
 */
const PLACE_ROWS_IN_ONE_STATEMENT = 20_000;

/** The indicators (in the order given: the likeliest first, duplicates once) whose place lists fit the budget; at least one. */
export function placeListsInOneStatement(indicators: readonly Pick<IndicatorCoverage, 'indicator_id' | 'n_regions'>[], budget = PLACE_ROWS_IN_ONE_STATEMENT): string[] {
  const ids: string[] = [];
  let rows = 0;
  for (const i of indicators) {
    if (ids.includes(i.indicator_id)) continue;
    if (ids.length > 0 && rows + i.n_regions > budget) break;
    ids.push(i.indicator_id);
    rows += i.n_regions;
  }
  return ids;
}

export function trendsPrefetchPlan(database: Database, state: TrendsState): PrefetchStep[] {
  const { indicators, indicatorId, chosen, regions, regionCodes } = state;
  const withValues = indicators.filter((i) => i.n_values > 0);
  const current = withValues.find((i) => i.indicator_id === indicatorId);
  const at = withValues.findIndex((i) => i.indicator_id === indicatorId);
  const neighbours = [withValues[at + 1], withValues[at - 1]].filter((i): i is IndicatorCoverage => i !== undefined);
  const byCoverage = [...withValues].sort((a, b) => b.n_regions - a.n_regions || b.n_values - a.n_values);
  const others = [...new Set([...neighbours, ...byCoverage])].filter((i) => i.indicator_id !== indicatorId);

  const compareContext: CompareContext = {
    indicator: state.app.indicator, indicators, focus: state.app.focus, peers: state.app.peers, custom: state.app.regions ?? [], level: state.app.level,
    tolerance: clampTolerance(state.app.tol), year: state.app.year, from: state.app.from,
  };
  const steps: PrefetchStep[] = [
    async (client) => {
      const missing = placeListsInOneStatement([...neighbours, ...byCoverage])
        .filter((id) => client.getQueryData(trendsKeys.regionsWith(id)) === undefined);
      if (missing.length === 0) return;
      const byIndicator = await regionsWithIndicators(await database.forScope(NONE, 'trends'), missing);
      for (const [id, places] of byIndicator) if (client.getQueryData(trendsKeys.regionsWith(id)) === undefined) client.setQueryData(trendsKeys.regionsWith(id), places);
    },
    () => import('../shared/provenance/ProvenancePanel.tsx'),
    (client) => trendsInOneStatement(client, database, state, withValues),
    (client) => drawnSources(client, database, state.shownObsIds),
    ...likelyProfileSteps(database, regionCodes),
    // Compare as the tab opens it (its place, the reader's group: 3 small queries) before this view's
    // further states. It is also the first run of Compare's statements in the page: in the bench's first
    // Compare step (another place) its years and figures took 86–193 ms each when they ran first, 33–67 ms
    // when this had run them before (load 8–9; docs/BENCHMARKS.md, issue 12 part G).
    ...likelyCompareSteps(database, compareContext, [], [compareContext.peers]),
  ];
  const otherIndicator = (other: IndicatorCoverage): PrefetchStep => async (client) => {
    // After an indicator change the part-year choice is reset: the indicator's default applies.
    const places = await client.fetchQuery(regionsWithQuery(database, other.indicator_id));
    return trendSteps(database, other, chosenRegionCodes(places, chosen), showsPartYear(null, other.unit));
  };
  steps.push(...neighbours.map(otherIndicator));
  if (current) {
    const showPartYear = showsPartYear(state.partYearChoice, current.unit);
    if (regionCodes.length > 1) for (const code of regionCodes) steps.push(...trendSteps(database, current, regionCodes.filter((c) => c !== code), showPartYear));
    steps.push(async () => {
      const partitioned = (await database.source()).manifest.layout === 'hive-parquet';
      const loadedProvinces = new Set(regionCodes.map(provinceOf));
      return regions.map((r) => r.region_code)
        .filter((code) => !regionCodes.includes(code) && (!partitioned || loadedProvinces.has(provinceOf(code))))
        .slice(0, ADD_CANDIDATES)
        .flatMap((code) => trendSteps(database, current, [...regionCodes, code], showPartYear));
    });
  }
  // Compare's first state (its first visit ran 4 queries, the tail of "change the peer group") for the
  // drawn places, and for the place it opens on in the prefecture: in the reader's peer group and their
  // prefecture. The opened place in the reader's group came early (above) and is found in the cache here.
  // After this view's own next states: all of it placed before them delayed the next indicator and the
  // added place (quiet bench, 4–5 runs: indicator p50 +29 %, add a place p95 +61–92 %).
  steps.push(...likelyCompareSteps(database, compareContext, regionCodes));
  steps.push(...others.filter((i) => !neighbours.includes(i)).map(otherIndicator));
  return steps;
}
