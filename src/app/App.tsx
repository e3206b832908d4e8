import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { NuqsAdapter } from 'nuqs/adapters/react';
import { lazy, Suspense, useEffect, useState, type ComponentType, type LazyExoticComponent } from 'react';
import type { Database } from '../db/database.ts';
import { useAppState, VIEWS, type View } from '../features/shared/app-state/app-state.ts';
import { DatasetBanner } from '../features/shared/dataset/DatasetBanner.tsx';
import { DatabaseProvider, useDatabase } from '../features/shared/database.tsx';
import { CopyLinkButton } from '../features/shared/export/CopyLinkButton.tsx';
import { I18nProvider } from '../features/i18n/i18n.tsx';
import { MESSAGES } from '../features/i18n/messages.ts';
import { Loading } from '../features/shared/status/Status.tsx';
import { seedLandingSnapshot } from '../features/trends/landing-snapshot.ts';
import { DbStatus } from './DbStatus.tsx';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity } },
});

/**
 * Started before the first render: the landing snapshot (a few KB) usually arrives before the Trends
 * chunk, so the first chart paints from it while DuckDB loads in the background.
 */
const snapshotSeeded = seedLandingSnapshot(queryClient, window.location.search);

/** Each view is its own chunk: the first paint loads only the one in the URL. */
const VIEW_COMPONENTS: Record<View, LazyExoticComponent<ComponentType>> = {
  trends: lazy(() => import('../features/trends/TrendsView.tsx')),
  compare: lazy(() => import('../features/compare/CompareView.tsx')),
  profile: lazy(() => import('../features/profile/ProfileView.tsx')),
  coverage: lazy(() => import('../features/coverage/CoverageView.tsx')),
  data: lazy(() => import('../features/data/DataView.tsx')),
  import: lazy(() => import('../features/import/ImportView.tsx')),
  about: lazy(() => import('../features/about/AboutView.tsx')),
};

export function App({ database }: { database: Database }) {
  return (
    <NuqsAdapter>
      <QueryClientProvider client={queryClient}>
        <DatabaseProvider database={database}>
          <Shell />
        </DatabaseProvider>
      </QueryClientProvider>
    </NuqsAdapter>
  );
}

function Shell() {
  const [{ view, lang }, setState] = useAppState();
  const m = MESSAGES[lang];
  const ViewComponent = VIEW_COMPONENTS[view];
  const database = useDatabase();
  const [fromSnapshot, setFromSnapshot] = useState(false);
  useEffect(() => { void snapshotSeeded.then(setFromSnapshot); }, []);
  // DuckDB starts now whatever the view: the snapshot covers the first chart, not what follows.
  // loaded(), not whole(): with a partitioned dataset whole() means every partition (docs/ARCHITECTURE.md).
  useEffect(() => { database.loaded().catch(() => undefined); }, [database]); // a failure is shown by the views' own queries

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = lang === 'zh' ? `${m.appTitle} Fazhi Atlas` : `${m.appTitle} 法治图谱`;
  }, [lang, m]);

  return (
    <I18nProvider lang={lang}>
      <header className="app-header">
        <div>
          <h1>{m.appTitle}</h1>
          <p>{m.appSubtitle}</p>
        </div>
        <CopyLinkButton />
        <button type="button" className="lang-switch" lang={lang === 'zh' ? 'en' : 'zh-CN'} aria-label={m.switchLanguageLabel}
          onClick={() => void setState({ lang: lang === 'zh' ? 'en' : null })}>
          {m.switchLanguage}
        </button>
      </header>
      <DatasetBanner />
      <nav className="view-tabs" aria-label={m.viewsLabel}>
        {VIEWS.map((v) => (
          <button key={v} type="button" aria-current={v === view ? 'page' : undefined} className={v === view ? 'active' : ''}
            onClick={() => void setState({ view: v === 'trends' ? null : v, obs: null })}>
            {m.viewNames[v]}
          </button>
        ))}
      </nav>
      <main>
        <DbStatus fromSnapshot={fromSnapshot && view === 'trends'} />
        <Suspense fallback={<Loading text={m.loadingView} />}>
          <ViewComponent />
        </Suspense>
      </main>
    </I18nProvider>
  );
}
