import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { NuqsAdapter } from 'nuqs/adapters/react';
import { useEffect, useState } from 'react';
import type { Database } from '../db/database.ts';
import type { FirstPaint } from '../charts/first-paint.ts';
import { FirstPaintContext } from '../charts/first-paint.ts';
import { DatabaseProvider } from '../features/shared/database.tsx';
import { seedLandingSnapshot } from '../features/trends/landing-snapshot.ts';
import { Shell } from './Shell.tsx';
import { defaultStateView, loadViewDefaults } from './view-defaults.ts';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity } },
});

/**
 * Started before the first render: the landing snapshot (a few KB) usually arrives before the Trends
 * chunk, so the first chart paints from it while DuckDB loads in the background. Resolves to the snapshot
 * when the landing chart can paint from it, else null.
 */
export const snapshotSeeded = seedLandingSnapshot(queryClient, window.location.search);
/** Likewise for a page opened on another view in its default state: that view's precomputed defaults. */
const viewDefaultsSeeded = loadViewDefaults(queryClient, window.location.search);

/**
 * `fromSnapshot`: whether the snapshot was already in when the page first rendered (main.tsx waits for
 * it on a prerendered landing page); `firstPaint`: the prerendered chart to hand over, if any.
 */
export function App({ database, fromSnapshot = false, firstPaint = null }: { database: Database; fromSnapshot?: boolean; firstPaint?: FirstPaint | null }) {
  const [seeded, setSeeded] = useState(fromSnapshot);
  const [defaultsOf, setDefaultsOf] = useState<ReturnType<typeof defaultStateView>>(null);
  useEffect(() => { void snapshotSeeded.then((snapshot) => setSeeded(snapshot !== null)); }, []);
  useEffect(() => { void viewDefaultsSeeded.then((ok) => setDefaultsOf(ok ? defaultStateView(window.location.search) : null)); }, []);
  return (
    <NuqsAdapter>
      <QueryClientProvider client={queryClient}>
        <DatabaseProvider database={database}>
          <FirstPaintContext.Provider value={firstPaint}>
            <Shell fromSnapshot={seeded} defaultsOf={defaultsOf} />
          </FirstPaintContext.Provider>
        </DatabaseProvider>
      </QueryClientProvider>
    </NuqsAdapter>
  );
}
