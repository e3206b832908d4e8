/**
 * Sentences written one after another: Chinese sets them side by side (its full stop carries the
 * break), English puts a space between them. Empty parts (a sentence a state leaves out) are dropped.
 */
export function joinSentences(lang: 'zh' | 'en', parts: readonly (string | null | undefined | false)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0).join(sentenceGap(lang));
}

/** What goes between a sentence and what follows it in the same line (text, a link, a button): the same rule, for JSX. */
export function sentenceGap(lang: 'zh' | 'en'): string {
  return lang === 'zh' ? '' : ' ';
}
