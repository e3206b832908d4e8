import { parseQuantity, type Quantity } from '../numbers/parse-quantity.ts';
import type { CompiledPattern } from './compile-rules.ts';
import type { Sentence } from './segments.ts';

/** One rule's reading of one number: where the number and its unit stand, and how far the cue was. */
export interface Candidate {
  rule: CompiledPattern;
  sentence: Sentence;
  /** [start, end) of qualifier + number + unit (+ 以上/左右) in the normalised text. */
  figureStart: number;
  figureEnd: number;
  /** [start, end) of the numeral itself. */
  numberStart: number;
  numberEnd: number;
  cueStart: number;
  gap: string;
  quantity: Quantity;
  printedUnit: string;
}

/** Every match of every rule in one sentence; filtering and choosing happen in the engine. */
export function findCandidates(text: string, sentence: Sentence, rules: readonly CompiledPattern[]): Candidate[] {
  const sentenceText = text.slice(sentence.start, sentence.end);
  const found: Candidate[] = [];
  for (const rule of rules) {
    if (!rule.cueTest.test(sentenceText)) continue;
    rule.regex.lastIndex = 0;
    for (let m = rule.regex.exec(sentenceText); m; m = rule.regex.exec(sentenceText)) {
      const groups = m.groups!;
      const candidate = toCandidate(m, groups, rule, sentence);
      if (candidate) found.push(candidate);
      // Let the next search start inside this match: a cue may be followed by a second figure.
      rule.regex.lastIndex = m.index + 1;
    }
  }
  return found;
}

function toCandidate(m: RegExpExecArray, groups: Record<string, string | undefined>, rule: CompiledPattern, sentence: Sentence): Candidate | null {
  const raw = `${groups.pre ?? ''}${groups.num}${groups.post ?? ''}`;
  const quantity = parseQuantity(raw);
  if (!quantity) return null;
  const percentRule = rule.table.units[0] === '%';
  if (percentRule && !groups.unit && !quantity.percent) return null;
  if (!percentRule && quantity.percent) return null;
  if (groups.after === '以上') quantity.approx = 'at_least';
  if (groups.after === '左右') quantity.approx = 'about';

  const matchStart = sentence.start + m.index;
  const numberFirst = rule.pattern.order === 'number-cue';
  const figureStart = numberFirst ? matchStart : matchStart + groups.cue!.length + groups.gap!.length;
  const prefixLength = groups.pre?.length ?? 0;
  const numberStart = figureStart + prefixLength;
  const numberEnd = numberStart + groups.num!.length + (groups.post?.length ?? 0);
  const figureEnd = numberEnd + (groups.unit?.length ?? 0) + (groups.after?.length ?? 0);
  const cueStart = numberFirst ? figureEnd + groups.gap!.length : matchStart;
  return {
    rule, sentence, figureStart, figureEnd, numberStart, numberEnd, cueStart,
    gap: groups.gap ?? '', quantity, printedUnit: groups.unit ?? '%',
  };
}
