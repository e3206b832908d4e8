/**
 * Schedules the Trends view's idle prefetch (trends-prefetch-plan.ts) whenever the state it was made
 * for changes. The plan's code is loaded by the plan's first step, off the first chart's path.
 */
import { useDatabase } from '../shared/database.tsx';
import { useIdlePrefetch } from '../shared/data/idle-prefetch.ts';
import type { TrendsState } from './trends-prefetch-plan.ts';

export function useTrendsPrefetch(state: TrendsState | null): void {
  const database = useDatabase();
  const key = state ? JSON.stringify([state.indicatorId, state.chosen, state.regionCodes, state.partYearChoice, state.shownObsIds.length]) : null;
  useIdlePrefetch(key, () => (state ? [async () => (await import('./trends-prefetch-plan.ts')).trendsPrefetchPlan(database, state)] : []));
}
