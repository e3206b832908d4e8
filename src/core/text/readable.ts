import { identityMapped } from './mapped-text.ts';
import { NORMALISATION_STEPS } from './normalise.ts';

/**
 * A quote or title as a reader reads it: a copy's pinyin glosses (`報(bào)告`) removed and
 * traditional characters simplified — the first two normalisation steps, nothing else (numbers,
 * spaces and punctuation stay as printed). Display only: spans keep pointing into the verbatim
 * body, and the verbatim text is always shown one click away.
 */
const READING_STEPS = new Set(['drop pinyin glosses', 'traditional to simplified']);

export function readable(text: string): string {
  if (text === '') return text;
  return NORMALISATION_STEPS.filter(([name]) => READING_STEPS.has(name))
    .reduce((mapped, [, step]) => step(mapped), identityMapped(text)).text;
}

/** Whether the reading differs from the verbatim text (so the view offers the original). */
export const readsDifferently = (text: string): boolean => readable(text) !== text;

/**
 * Each part of a cut-up quote (text before, the figure, text after) as read. A gloss is dropped only
 * after a Chinese character, which may end the part before: that character leads the text converted
 * and is cut off again (conversion keeps lengths).
 */
export function readableParts<P extends { text: string }>(parts: readonly P[]): P[] {
  return parts.map((part, i) => {
    const before = i > 0 ? parts[i - 1]!.text.slice(-1) : '';
    const read = readable(before + part.text);
    return { ...part, text: before && read.startsWith(readable(before)) ? read.slice(readable(before).length) : readable(part.text) };
  });
}
