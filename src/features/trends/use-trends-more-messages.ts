import { TRENDS_MORE_MESSAGES } from '../i18n/views/trends-more.ts';
import { useTrendsMessages } from './use-trends-messages.ts';

/** The Trends words past the first chart (views/trends-more.ts): only the lazily loaded parts import this. */
export function useTrendsMoreMessages() {
  const words = useTrendsMessages();
  return { ...words, more: TRENDS_MORE_MESSAGES[words.lang] };
}
