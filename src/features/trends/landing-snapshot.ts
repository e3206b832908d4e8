/**
 * Paints the landing chart before DuckDB has loaded: when the URL asks for the default landing state
 * (Trends, no indicator or places chosen), the pipeline's snapshot (`<data>/snapshot.json`,
 * src/core/snapshot.ts) is fetched — a few KB — and its rows are put into the query cache under the
 * very keys the Trends view's queries use. Those queries still run once DuckDB is up; their
 * results equal the snapshot's, so nothing redraws. Any other state, a missing or foreign snapshot,
 * or a failed fetch: nothing is seeded and the view waits for DuckDB as before.
 */
import type { QueryClient } from '@tanstack/react-query';
import { isLandingSnapshot, SNAPSHOT_FILE } from '../../core/snapshot.ts';
import { dataBaseUrl } from '../../db/data-url.ts';
import { trendsKeys } from './use-trends-data.ts';

/** Whether a URL search string is the landing state the snapshot was made for. */
export function isLandingState(search: string): boolean {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  return (view === null || view === 'trends') && !params.has('indicator') && !params.has('regions') && !params.has('partyear');
}

/** Fetches the snapshot and seeds the cache; resolves true when the landing chart can paint from it. */
export async function seedLandingSnapshot(client: QueryClient, search: string): Promise<boolean> {
  if (!isLandingState(search)) return false;
  try {
    const response = await fetch(`${dataBaseUrl()}${SNAPSHOT_FILE}`);
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return false;
    const snapshot: unknown = await response.json();
    if (!isLandingSnapshot(snapshot)) return false;
    const seed = (key: readonly unknown[], data: unknown) => { if (client.getQueryData(key) === undefined) client.setQueryData(key, data); };
    seed(trendsKeys.indicators(), { indicators: snapshot.indicators, regionCount: snapshot.regionCount });
    seed(trendsKeys.regionsWith(snapshot.indicator), snapshot.regions);
    seed(trendsKeys.trend(snapshot.indicator, snapshot.regionCodes), snapshot.trend);
    return true;
  } catch {
    return false; // no snapshot: the view waits for DuckDB, as it would anyway
  }
}
