/**
 * What each view shows by default, captured at build time (scripts/vite/prerender-plugin.ts runs this
 * in Node with DuckDB over the shipped tables): the view is rendered with the app's own components
 * and queries, every query it asks for is answered, and it is rendered again until it asks for
 * nothing new. The answers, keyed as the view keys them, are the view's defaults file
 * (`data/views/<view>.json`); the page puts them in its query cache when it opens on that view
 * (view-defaults.ts), so the view shows its default content before DuckDB is ready, and DuckDB then
 * answers again (the same rows; with the researcher's own rows when there are some). Only query
 * results the view itself asked for: nothing is computed here that the view would not compute.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { NuqsTestingAdapter } from 'nuqs/adapters/testing';
import { renderToString } from 'react-dom/server';
import type { Database } from '../db/database.ts';
import type { View } from '../features/shared/app-state/app-state.ts';
import { DatabaseProvider } from '../features/shared/database.tsx';
import { Shell } from './Shell.tsx';
import { preloadView } from './views.ts';
import { VIEW_DEFAULTS_VERSION, type ViewDefaults } from './view-defaults.ts';

/** Render → answer → render rounds before giving up on a view that keeps asking (none does today). */
const MAX_ROUNDS = 12;

/** The default state of `view` (its URL with nothing chosen), answered by `database`. */
export async function captureViewDefaults(view: View, database: Database): Promise<ViewDefaults> {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  await preloadView(view);
  const failed = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    renderToString(
      <NuqsTestingAdapter searchParams={`?view=${view}`}>
        <QueryClientProvider client={client}>
          <DatabaseProvider database={database}>
            <Shell fromSnapshot={false} />
          </DatabaseProvider>
        </QueryClientProvider>
      </NuqsTestingAdapter>,
    );
    const asked = client.getQueryCache().getAll()
      .filter((query) => query.state.status === 'pending' && !failed.has(query.queryHash) && query.options.queryFn);
    if (asked.length === 0) break;
    await Promise.all(asked.map(async (query) => {
      try {
        await client.fetchQuery({ queryKey: query.queryKey, queryFn: query.options.queryFn as () => Promise<unknown> });
      } catch {
        failed.add(query.queryHash); // not answerable here (e.g. the dataset source): the page asks DuckDB for it
      }
    }));
  }
  const entries = client.getQueryCache().getAll()
    .filter((query) => query.state.status === 'success')
    .map((query) => [query.queryKey, query.state.data] as [readonly unknown[], unknown])
    .sort(([a], [b]) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { version: VIEW_DEFAULTS_VERSION, view, entries };
}
