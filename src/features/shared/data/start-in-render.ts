/**
 * Starts a query while the component that needs it renders, not after its commit (issue 12).
 *
 * `useQuery` begins fetching when it subscribes, in the passive effects after React has committed the
 * view: on a first visit that is after every child has rendered and the new DOM has been built, while
 * DuckDB's worker sits idle. Started here, the worker answers while the main thread renders. The same
 * cache entry is then read by `useQuery` (TanStack's `usePrefetchQuery` pattern, with `enabled`); a
 * query with any cached state (data, in flight or failed) is left alone, so rendering again is free.
 */
import { useQueryClient, type FetchQueryOptions, type QueryKey } from '@tanstack/react-query';

export function useStartInRender<TData, TKey extends QueryKey>(options: FetchQueryOptions<TData, Error, TData, TKey>, enabled: boolean): void {
  const client = useQueryClient();
  // prefetchQuery never rejects; a failure is shown by the useQuery that reads this entry.
  if (enabled && client.getQueryState(options.queryKey) === undefined) void client.prefetchQuery(options);
}
