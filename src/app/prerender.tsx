/**
 * The build's prerender of the landing page (scripts/vite/prerender-plugin.ts runs it in Node): the
 * shell and the Trends view rendered to HTML from the pipeline's snapshot, exactly as the page's first
 * render draws them (same components, same seeded queries, same option builder), with the landing
 * chart drawn as static SVG (src/charts/static-chart.ts). index.html then shows the first chart before
 * any script runs; main.tsx hands it over to the live page. Never part of the browser bundle.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { NuqsTestingAdapter } from 'nuqs/adapters/testing';
import { renderToString } from 'react-dom/server';
import { FirstPaintContext, type FirstPaint } from '../charts/first-paint.ts';
import { renderStaticChart, staticChartCss } from '../charts/static-chart.ts';
import { isLandingSnapshot, snapshotFingerprint } from '../core/snapshot.ts';
import type { Database } from '../db/database.ts';
import { DatabaseProvider } from '../features/shared/database.tsx';
import { seedFromSnapshot } from '../features/trends/landing-snapshot.ts';
import { Shell } from './Shell.tsx';
import { preloadView } from './views.ts';

/** One object, as React's external-store hooks need a stable snapshot. */
const NOT_LISTED = { stage: 'listing', rows: 0 } as const;
/** A database that is still starting: nothing is queried while prerendering (every view reads the seeded cache or waits). */
const STARTING: Database = {
  forScope: () => new Promise(() => undefined),
  forPlaces: () => new Promise(() => undefined),
  forTiles: () => new Promise(() => undefined),
  forStandings: () => new Promise(() => undefined),
  forObservation: () => new Promise(() => undefined),
  whole: () => new Promise(() => undefined),
  loaded: () => new Promise(() => undefined),
  source: () => new Promise(() => undefined),
  userRows: () => new Promise(() => undefined),
  stage: () => 'idle',
  onStage: () => () => undefined,
  storedRows: () => NOT_LISTED, // the store is read by the page, never at build time
  onStoredRows: () => () => undefined,
};

export interface Prerendered {
  /** The HTML of the page inside #root. */
  html: string;
  /** The CSS that picks the static drawing for the chart box's width. */
  css: string;
  /** The snapshot drawn (snapshotFingerprint): the page hands over only when it fetched the same one. */
  fingerprint: string;
}

/** The landing page drawn from a snapshot (parsed JSON), or null when it is not one this code can use. */
export async function prerenderLanding(snapshot: unknown): Promise<Prerendered | null> {
  if (!isLandingSnapshot(snapshot)) return null;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  seedFromSnapshot(client, snapshot);
  await preloadView('trends');
  const firstPaint: FirstPaint = { staticChart: (option, _label, height) => renderStaticChart(option, height), handedOver: () => undefined };
  const html = renderToString(
    <NuqsTestingAdapter searchParams="">
      <QueryClientProvider client={client}>
        <DatabaseProvider database={STARTING}>
          <FirstPaintContext.Provider value={firstPaint}>
            <Shell fromSnapshot />
          </FirstPaintContext.Provider>
        </DatabaseProvider>
      </QueryClientProvider>
    </NuqsTestingAdapter>,
  );
  return { html, css: staticChartCss(), fingerprint: snapshotFingerprint(snapshot) };
}
