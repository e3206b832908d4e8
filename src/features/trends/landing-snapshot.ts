/**
 * Paints the landing chart before DuckDB has loaded: when the URL asks for the default landing state
 * (Trends, no indicator or places chosen), the pipeline's snapshot (`<data>/snapshot.json`,
 * src/core/snapshot.ts) is fetched — a few KB — and its rows are put into the query cache under the
 * very keys the Trends view's queries use. Those queries still run once DuckDB is up; their
 * results equal the snapshot's, so nothing redraws. Any other state, a missing or foreign snapshot,
 * or a failed fetch: nothing is seeded and the view waits for DuckDB as before.
 */
import type { QueryClient } from '@tanstack/react-query';
import { isLandingSnapshot, SNAPSHOT_FILE, type LandingSnapshot } from '../../core/snapshot.ts';
import { dataBaseUrl } from '../../db/data-url.ts';
import { trendsKeys } from './use-trends-data.ts';

/** Whether a URL search string is the landing state the snapshot was made for. */
export function isLandingState(search: string): boolean {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  return (view === null || view === 'trends') && !params.has('indicator') && !params.has('regions') && !params.has('partyear');
}

/**
 * Whether a URL search string is the page the build prerendered into index.html (src/app/prerender.tsx):
 * the landing state in Chinese. Mirrored by public/first-paint-guard.js, which hides the prerender
 * before it paints for any other URL (tests/first-paint-guard.test.ts checks they agree).
 */
export function isPrerenderedState(search: string): boolean {
  return isLandingState(search) && (new URLSearchParams(search).get('lang') ?? 'zh') === 'zh';
}

/** Fetches the snapshot and seeds the cache; resolves to the snapshot when the landing chart can paint from it, else null. */
export async function seedLandingSnapshot(client: QueryClient, search: string): Promise<LandingSnapshot | null> {
  if (!isLandingState(search)) return null;
  try {
    const response = await fetch(`${dataBaseUrl()}${SNAPSHOT_FILE}`);
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return null;
    const snapshot: unknown = await response.json();
    if (!isLandingSnapshot(snapshot)) return null;
    seedFromSnapshot(client, snapshot);
    return snapshot;
  } catch {
    return null; // no snapshot: the view waits for DuckDB, as it would anyway
  }
}

/** Puts a snapshot's rows into the cache under the Trends view's query keys (the page, and the build's prerender). */
export function seedFromSnapshot(client: QueryClient, snapshot: LandingSnapshot): void {
  const seed = (key: readonly unknown[], data: unknown) => { if (client.getQueryData(key) === undefined) client.setQueryData(key, data); };
  seed(trendsKeys.indicators(), { indicators: snapshot.indicators, regionCount: snapshot.regionCount });
  seed(trendsKeys.regionsWith(snapshot.indicator), snapshot.regions);
  seed(trendsKeys.trend(snapshot.indicator, snapshot.regionCodes), snapshot.trend);
}
