/**
 * The page around the views: title, language switch, dataset banner, view tabs, start-up status and
 * the view in the URL. Kept apart from App.tsx (which starts the snapshot fetch on import) so the
 * build's prerender (src/app/prerender.tsx) renders the very same markup in Node.
 */
import { Suspense, useEffect } from 'react';
import { useAppState, VIEWS, type View } from '../features/shared/app-state/app-state.ts';
import { DatasetBanner } from '../features/shared/dataset/DatasetBanner.tsx';
import { useDatabase } from '../features/shared/database.tsx';
import { CopyLinkButton } from '../features/shared/export/CopyLinkButton.tsx';
import { I18nProvider } from '../features/i18n/i18n.tsx';
import { MESSAGES } from '../features/i18n/messages.ts';
import { Loading } from '../features/shared/status/Status.tsx';
import { DbStatus } from './DbStatus.tsx';
import { StoredRowsStatus } from './StoredRowsStatus.tsx';
import { preloadViewsWhenIdle } from './preload-views.ts';
import { viewComponent } from './views.ts';

/**
 * `fromSnapshot`: the landing chart is drawn from the pipeline's snapshot; `defaultsOf`: the view whose
 * precomputed defaults are in the cache (view-defaults.ts). The start-up line says which.
 */
export function Shell({ fromSnapshot, defaultsOf = null }: { fromSnapshot: boolean; defaultsOf?: View | null }) {
  const [{ view, lang }, setState] = useAppState();
  const m = MESSAGES[lang];
  const ViewComponent = viewComponent(view);
  const database = useDatabase();
  // DuckDB starts now whatever the view: the snapshot covers the first chart, not what follows.
  // loaded(), not whole(): with a partitioned dataset whole() means every partition (docs/ARCHITECTURE.md).
  useEffect(() => { database.loaded().catch(() => undefined); }, [database]); // a failure is shown by the views' own queries
  // Then the other views' code, so a first visit waits for its data only.
  useEffect(() => preloadViewsWhenIdle(database.loaded()), [database]);

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
        <DbStatus fromSnapshot={fromSnapshot && view === 'trends'} fromDefaults={defaultsOf === view} />
        <Suspense fallback={<Loading text={m.loadingView} />}>
          <ViewComponent />
        </Suspense>
        <StoredRowsStatus />
      </main>
    </I18nProvider>
  );
}
