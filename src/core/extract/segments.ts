/** Paragraphs, sentences and clauses of a normalised text, as [start, end) offsets into it. */
export interface Range { start: number; end: number }

export interface Sentence extends Range {
  paragraph: Range;
}

// ；separates parallel items inside one sentence (诉前调解651件;调解成功284件): a clause break, not a sentence end.
const SENTENCE_END = /[。！？!?]/;
const CLAUSE_BREAK = /[，,、：:。！？!?；;\n]/;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraphStart = 0;
  while (paragraphStart <= text.length) {
    let paragraphEnd = text.indexOf('\n', paragraphStart);
    if (paragraphEnd === -1) paragraphEnd = text.length;
    const paragraph = { start: paragraphStart, end: paragraphEnd };
    let sentenceStart = paragraphStart;
    for (let i = paragraphStart; i < paragraphEnd; i += 1) {
      if (SENTENCE_END.test(text[i]!)) {
        pushSentence(sentences, text, sentenceStart, i + 1, paragraph);
        sentenceStart = i + 1;
      }
    }
    pushSentence(sentences, text, sentenceStart, paragraphEnd, paragraph);
    paragraphStart = paragraphEnd + 1;
  }
  return sentences;
}

function pushSentence(into: Sentence[], text: string, start: number, end: number, paragraph: Range): void {
  if (text.slice(start, end).trim().length > 0) into.push({ start, end, paragraph });
}

/**
 * How far back context is read from a figure. A year, period or exclusion that far away is not
 * about it, and the bound keeps a run-on "sentence" of many figures linear, not quadratic.
 */
export const LOOKBACK = 400;
export const PARAGRAPH_LOOKBACK = 1500;
export const lookback = (position: number, floor: number, distance = LOOKBACK) => Math.max(floor, position - distance);

/** Start of the clause holding `position` (after the last clause break before it, within `floor`). */
export function clauseStart(text: string, position: number, floor: number): number {
  const limit = lookback(position, floor);
  for (let i = position - 1; i >= limit; i -= 1) if (CLAUSE_BREAK.test(text[i]!)) return i + 1;
  return limit;
}

/** End of the clause holding `position` (the next clause break, within `ceiling`). */
export function clauseEnd(text: string, position: number, ceiling: number): number {
  const limit = Math.min(ceiling, position + LOOKBACK);
  for (let i = position; i < limit; i += 1) if (CLAUSE_BREAK.test(text[i]!)) return i;
  return limit;
}
