import { TRENDS_MESSAGES } from '../i18n/views/trends.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** The Trends view's own words (views/trends.ts) beside the page's catalog; they load with the view's chunk. */
export function useTrendsMessages() {
  const { lang, m } = useI18n();
  return { lang, m, t: TRENDS_MESSAGES[lang] };
}
