/**
 * Sentences written one after another: Chinese sets them side by side (its full stop carries the
 * break), English puts a space between them. Empty parts (a sentence a state leaves out) are dropped.
 */
export function joinSentences(lang: 'zh' | 'en', parts: readonly (string | null | undefined | false)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0).join(lang === 'zh' ? '' : ' ');
}
