import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { NuqsAdapter } from 'nuqs/adapters/react';
import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import { useAppState, VIEWS, type View } from '../features/app-state/app-state.ts';
import { CopyLinkButton } from '../features/export/CopyLinkButton.tsx';
import { I18nProvider } from '../features/i18n/i18n.tsx';
import { MESSAGES } from '../features/i18n/messages.ts';
import { Loading } from '../features/status/Status.tsx';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity } },
});

/** Each view is its own chunk: the first paint loads only the one in the URL. */
const VIEW_COMPONENTS: Record<View, LazyExoticComponent<ComponentType>> = {
  trends: lazy(() => import('../features/trends/TrendsView.tsx')),
  compare: lazy(() => import('../features/compare/CompareView.tsx')),
  profile: lazy(() => import('../features/profile/ProfileView.tsx')),
  coverage: lazy(() => import('../features/coverage/CoverageView.tsx')),
  data: lazy(() => import('../features/data/DataView.tsx')),
  import: lazy(() => import('../features/import/ImportView.tsx')),
};

export function App() {
  return (
    <NuqsAdapter>
      <QueryClientProvider client={queryClient}>
        <Shell />
      </QueryClientProvider>
    </NuqsAdapter>
  );
}

function Shell() {
  const [{ view, lang }, setState] = useAppState();
  const m = MESSAGES[lang];
  const ViewComponent = VIEW_COMPONENTS[view];

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
      <nav className="view-tabs" aria-label={m.viewsLabel}>
        {VIEWS.map((v) => (
          <button key={v} type="button" aria-current={v === view ? 'page' : undefined} className={v === view ? 'active' : ''}
            onClick={() => void setState({ view: v === 'trends' ? null : v, obs: null })}>
            {m.viewNames[v]}
          </button>
        ))}
      </nav>
      <main>
        <Suspense fallback={<Loading text={m.loadingView} />}>
          <ViewComponent />
        </Suspense>
      </main>
    </I18nProvider>
  );
}
