/**
 * Prefetching the likely next state while the reader looks at this one (issue 12): a view lists what
 * a click would ask for next (an adjacent year, another peer group, the next indicator) as query
 * options, and they are fetched one at a time, each when the page is idle, into the query cache the
 * views read. A click then finds its data there and only draws.
 *
 * One at a time for the whole page, and never while a view's own query is running: DuckDB-wasm
 * answers one query after another, so a reader's own query waits for at most one background query. A new plan (the state changed) replaces the
 * pending one; the query in flight finishes (it is cached either way). Queries already cached are
 * skipped by TanStack Query itself (every query here has `staleTime: Infinity`).
 */
import { useQueryClient, type FetchQueryOptions, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { storedRowsSettled, useStoredRows } from '../database.tsx';

/**
 * One step of a plan: prefetch these options, or run a function, which may return the steps that
 * follow from what it fetched (run next, each in its own idle period, so a new plan can cut in).
 */
export type PrefetchStep = FetchQueryOptions<any, any, any, any> | ((client: QueryClient) => Promise<unknown>); // eslint-disable-line @typescript-eslint/no-explicit-any

const isStepList = (value: unknown): value is PrefetchStep[] => Array.isArray(value);

const idle = (): Promise<void> => new Promise((resolve) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
  else setTimeout(resolve, 30);
});

let generation = 0;
let queue: Promise<void> = Promise.resolve();

/** Replaces the pending plan by `steps`, run in order, one per idle period. */
export function schedulePrefetch(client: QueryClient, steps: readonly PrefetchStep[]): () => void {
  const mine = ++generation;
  const pending = [...steps];
  queue = queue.then(async () => {
    while (pending.length > 0) {
      if (generation !== mine) return;
      await idle();
      // Yield to the reader: while a view's own query runs, a prefetch would only queue before the next one.
      while (client.isFetching() > 0 && generation === mine) await idle();
      if (generation !== mine) return;
      const step = pending.shift()!;
      // A failed prefetch is not the reader's error: the view asks again and shows its own.
      const result: unknown = await (typeof step === 'function' ? step(client) : client.prefetchQuery(step)).catch(() => undefined);
      if (isStepList(result)) pending.unshift(...result);
    }
  });
  return () => { if (generation === mine) generation += 1; };
}

/**
 * Runs the plan `steps` whenever `key` changes (the state it was made for); `null` plans nothing.
 * The steps are read when the key changes, so a new array with the same key starts nothing.
 *
 * Nothing is planned while the researcher's stored rows load: every answer fetched then lacks them and
 * is asked again once they are in (src/app/StoredRowsStatus.tsx), and the load waits for the views'
 * queries to go quiet (src/db/query-activity.ts), so a plan would only make their rows come later.
 */
export function useIdlePrefetch(key: string | null, steps: () => readonly PrefetchStep[]): void {
  const client = useQueryClient();
  const settled = storedRowsSettled(useStoredRows());
  useEffect(() => {
    if (key === null || !settled) return undefined;
    return schedulePrefetch(client, steps());
  }, [key, client, settled]); // the steps belong to the key: a new array for the same state starts nothing
}
