import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { capturePrerenderedChart, PRERENDER_FINGERPRINT } from '../charts/first-paint.ts';
import { snapshotFingerprint } from '../core/snapshot.ts';
import { createBrowserDatabase } from '../db/browser-database.ts';
import { isPrerenderedState } from '../features/trends/landing-snapshot.ts';
import { App, snapshotSeeded } from './App.tsx';
import { preloadView } from './views.ts';
import './app.css';

// The page's one database handle, passed down (App → DatabaseProvider). The researcher's stored
// datasets are counted while DuckDB starts and loaded once the views' first queries are answered
// (the page says so meanwhile: StoredRowsStatus); the store's code is fetched only when DuckDB
// starts, so the first chunk stays small.
const userData = () => import('../features/shared/user-data/user-data-state.ts');
const database = createBrowserDatabase({
  storedRows: {
    count: async () => (await userData()).countStoredRows(),
    load: async (db) => (await userData()).loadStoredDatasets(db),
  },
});
const root = document.getElementById('root')!;

// A prerendered landing page (src/app/prerender.tsx) already shows the first chart. React's first
// commit replaces that HTML, so it is made only once it can draw the same page: the snapshot in the
// cache and the Trends module loaded (both were needed for the first chart anyway). The static
// drawing is handed to the live chart, which removes it once it has painted. Any other URL (hidden
// by first-paint-guard.js), or a snapshot other than the one prerendered: the HTML is simply replaced.
const prerendered = isPrerenderedState(window.location.search) && root.querySelector(`[${PRERENDER_FINGERPRINT}]`) !== null;
const [snapshot] = prerendered ? await Promise.all([snapshotSeeded, preloadView('trends').catch(() => undefined)]) : [null];
const firstPaint = snapshot ? capturePrerenderedChart(root, snapshotFingerprint(snapshot)) : null;
createRoot(root).render(<StrictMode><App database={database} fromSnapshot={snapshot !== null} firstPaint={firstPaint} /></StrictMode>);
