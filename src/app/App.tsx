import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { I18nProvider } from '../features/i18n/i18n.tsx';
import { MESSAGES, type Lang } from '../features/i18n/messages.ts';
import { TrendsView } from '../features/trends/TrendsView.tsx';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

const initialLang = (): Lang => (new URLSearchParams(window.location.search).get('lang') === 'en' ? 'en' : 'zh');

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const m = MESSAGES[lang];

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = lang === 'zh' ? `${m.appTitle} Fazhi Atlas` : `${m.appTitle} 法治图谱`;
    const url = new URL(window.location.href);
    if (lang === 'zh') url.searchParams.delete('lang');
    else url.searchParams.set('lang', lang);
    window.history.replaceState(null, '', url);
  }, [lang, m]);

  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider lang={lang}>
        <header className="app-header">
          <div>
            <h1>{m.appTitle}</h1>
            <p>{m.appSubtitle}</p>
          </div>
          <button type="button" className="lang-switch" lang={lang === 'zh' ? 'en' : 'zh-CN'} aria-label={m.switchLanguageLabel} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {m.switchLanguage}
          </button>
        </header>
        <main>
          <TrendsView />
        </main>
      </I18nProvider>
    </QueryClientProvider>
  );
}
