/**
 * What the Trends view fetches while the reader looks at a chart (issue 12): the states one click
 * away, in the order a reader is likely to reach them, through the very query options the view reads
 * (use-trends-data.ts), so a click finds its data cached and only draws.
 *
 * 1. Every indicator's places, in one query (the indicator picker's next choice starts from them),
 *    and the source panel's code.
 * 2. The indicators next to this one in the picker: their trend for the places the view would draw,
 *    their sources and their place presets.
 * 3. This indicator with one place removed, or one of the next eight places added. On a partitioned
 *    dataset only places in the drawn places' provinces are tried: a prefetch never downloads
 *    partitions of a province the reader has not asked for (with per-place files, src/db/place-files.ts,
 *    it fetches at most those eight places' files, ≈ 33 KB each on the synthetic nation).
 * 4. Each drawn point's source row (a click on a point opens it).
 * 5. The other indicators, best covered first.
 *
 * Loaded on first use (use-trends-prefetch.ts), so it is not on the first chart's path.
 */
import type { QueryClient } from '@tanstack/react-query';
import { NONE, provinceOf, regionsWithIndicators, type Database, type IndicatorCoverage, type RegionCoverage } from '../../db/index.ts';
import { observationQuery } from '../shared/data/use-catalog.ts';
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

export function trendsPrefetchPlan(database: Database, state: TrendsState): PrefetchStep[] {
  const { indicators, indicatorId, chosen, regions, regionCodes } = state;
  const withValues = indicators.filter((i) => i.n_values > 0);
  const current = withValues.find((i) => i.indicator_id === indicatorId);
  const at = withValues.findIndex((i) => i.indicator_id === indicatorId);
  const neighbours = [withValues[at + 1], withValues[at - 1]].filter((i): i is IndicatorCoverage => i !== undefined);
  const byCoverage = [...withValues].sort((a, b) => b.n_regions - a.n_regions || b.n_values - a.n_values);
  const others = [...new Set([...neighbours, ...byCoverage])].filter((i) => i.indicator_id !== indicatorId);

  const steps: PrefetchStep[] = [
    async (client) => {
      const missing = withValues.map((i) => i.indicator_id).filter((id) => client.getQueryData(trendsKeys.regionsWith(id)) === undefined);
      if (missing.length === 0) return;
      const byIndicator = await regionsWithIndicators(await database.forScope(NONE, 'trends'), missing);
      for (const [id, places] of byIndicator) if (client.getQueryData(trendsKeys.regionsWith(id)) === undefined) client.setQueryData(trendsKeys.regionsWith(id), places);
    },
    () => import('../shared/provenance/ProvenancePanel.tsx'),
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
  steps.push(...state.shownObsIds.map((obsId) => observationQuery(database, obsId)));
  steps.push(...others.filter((i) => !neighbours.includes(i)).map(otherIndicator));
  return steps;
}
