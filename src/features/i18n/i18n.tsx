import { createContext, useContext, type ReactNode } from 'react';
import { MESSAGES, type Lang, type Messages } from './messages.ts';

interface I18n { lang: Lang; m: Messages }

const I18nContext = createContext<I18n>({ lang: 'zh', m: MESSAGES.zh });

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  return <I18nContext.Provider value={{ lang, m: MESSAGES[lang] }}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);
