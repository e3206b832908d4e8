/**
 * What the Compare view fetches while the reader looks at a ranking (issue 12): the other years of
 * this peer group, nearest first, then the other peer groups as the view would open them (their
 * members, their years, the year the view would resolve), then the profiles of the places on the page
 * (the focal place's in full, the ranked places' tables in one statement), through the very query
 * options the views read (compare-queries.ts, use-places.ts, profile-queries.ts), so a click finds
 * its data cached and only draws.
 *
 * On a partitioned dataset without tiles a prefetch never downloads partitions for all places: the
 * group "all" is left to the reader's click (31 provinces × a year is megabytes), as is any year of it.
 * With tiles (src/db/tiles.ts) a year of "all" is one tile of tens of KB, so it is prefetched like any other.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Database } from '../../db/index.ts';
import type { YearCount } from '../../db/queries/compare.ts';
import type { PeerSpec, Place } from '../../db/queries/peers.ts';
import { useDatabase } from '../shared/database.tsx';
import { useIdlePrefetch, type PrefetchStep } from '../shared/data/idle-prefetch.ts';
import { likelyProfileSteps, type ProfileContext } from '../shared/data/profile-queries.ts';
import { peerMembersQuery } from '../shared/data/use-places.ts';
import { figureYearsFor } from '../shared/data/compare-model.ts';
import { compareFiguresQuery, compareYearsQuery } from '../shared/data/compare-queries.ts';

export interface CompareState {
  indicatorId: string;
  spec: PeerSpec;
  /** The peer group's years (compareYears) and the year and `from` shown. */
  years: readonly YearCount[];
  year: number;
  /** The URL's wishes, which the view resolves against each group's years. */
  wantedYear: number | null;
  wantedFrom: number | null;
  tolerance: number;
  /** The profiles a reader may open next: the focal place's and the ranked places' (shared/data/profile-queries.ts). */
  profiles: { focus: Place; places: readonly string[]; context: ProfileContext };
}

const OTHER_GROUPS = ['prefecture', 'province', 'all'] as const;

/** The figures the view would fetch for a group's years with the URL's year and `from`. */
function figuresFor(database: Database, state: CompareState, spec: PeerSpec, years: readonly YearCount[], year: number | null) {
  return compareFiguresQuery(database, state.indicatorId, figureYearsFor(years, year, state.wantedFrom, state.tolerance), spec);
}

export function comparePrefetchPlan(database: Database, state: CompareState): PrefetchStep[] {
  const { indicatorId, spec, years } = state;
  const byDistance = years.map((y) => y.year).filter((y) => y !== state.year)
    .sort((a, b) => Math.abs(a - state.year) - Math.abs(b - state.year) || b - a);
  return [async () => {
    const { manifest } = await database.source();
    const partitioned = manifest.layout === 'hive-parquet' && manifest.tiles === undefined;
    const fetchesAll = (group: PeerSpec['group']) => partitioned && group === 'all';
    const steps: PrefetchStep[] = fetchesAll(spec.group) ? [] : byDistance.map((y) => figuresFor(database, state, spec, years, y));
    for (const group of OTHER_GROUPS) {
      if (group === spec.group) continue;
      const other: PeerSpec = { ...spec, group };
      steps.push(peerMembersQuery(database, other), async (client: QueryClient) => {
        const otherYears = await client.fetchQuery(compareYearsQuery(database, indicatorId, other));
        return fetchesAll(group) ? [] : [figuresFor(database, state, other, otherYears, state.wantedYear)];
      });
    }
    // Last, the profiles of the places on the page (one statement for their tables): measured before the
    // other groups, they pushed a peer-group change the plan had not reached yet into the reader's click.
    steps.push(...likelyProfileSteps(database, state.profiles.places, { place: state.profiles.focus, context: state.profiles.context }));
    return steps;
  }];
}

/** Schedules the plan whenever the Compare state it was made for changes. */
export function useComparePrefetch(state: CompareState | null): void {
  const database = useDatabase();
  const key = state ? JSON.stringify([state.indicatorId, state.spec, state.year, state.wantedYear, state.wantedFrom, state.tolerance, state.years.length, state.profiles.places]) : null;
  useIdlePrefetch(key, () => (state ? comparePrefetchPlan(database, state) : []));
}
