import { parseQuantity, type Quantity } from '../numbers/parse-quantity.ts';
import type { CompiledPattern } from './compile-rules.ts';
import { findRespectiveLists } from './frame/respective-lists.ts';
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
  /**
   * In a respective list (A、B分别为x和y): true when this rule's cue is the item paired with this
   * number, false when it is another item's; undefined outside such lists.
   */
  paired?: boolean;
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
  return pairRespectiveLists(text, sentence, rules, found);
}

/** In "办结率、满意率分别为98.1%和96.4%" the i-th item's cue takes the i-th number, whatever cue is nearest. */
function pairRespectiveLists(text: string, sentence: Sentence, rules: readonly CompiledPattern[], found: Candidate[]): Candidate[] {
  for (const list of findRespectiveLists(text, sentence)) {
    if (list.items.length !== list.numbers.length) continue;
    list.numbers.forEach((number, i) => {
      const item = list.items[i]!;
      const itemText = text.slice(item.start, item.end);
      const here = found.filter((c) => c.figureStart >= number.start && c.figureStart < number.end);
      for (const c of here) c.paired = c.cueStart >= item.start && c.cueStart < item.end;
      for (const rule of rules) {
        const cue = rule.cueTest.exec(itemText);
        if (!cue || rule.pattern.order === 'number-cue' || here.some((c) => c.rule === rule && c.paired)) continue;
        rule.figureAt.lastIndex = number.start;
        const m = rule.figureAt.exec(text);
        if (!m) continue;
        const candidate = toPairedCandidate(m, rule, sentence, item.start + cue.index);
        if (candidate) found.push(candidate);
      }
    });
  }
  return found;
}

function toPairedCandidate(m: RegExpExecArray, rule: CompiledPattern, sentence: Sentence, cueStart: number): Candidate | null {
  const groups = m.groups!;
  const quantity = parseQuantity(`${groups.pre ?? ''}${groups.num}${groups.post ?? ''}`);
  if (!quantity) return null;
  const percentRule = rule.table.units[0] === '%';
  if (percentRule !== Boolean(groups.unit === '%' || quantity.percent)) return null;
  if (groups.after === '以上') quantity.approx = 'at_least';
  if (groups.after === '左右') quantity.approx = 'about';
  const figureStart = m.index;
  const numberStart = figureStart + (groups.pre?.length ?? 0);
  const numberEnd = numberStart + groups.num!.length + (groups.post?.length ?? 0);
  const figureEnd = numberEnd + (groups.unit?.length ?? 0) + (groups.after?.length ?? 0);
  return { rule, sentence, figureStart, figureEnd, numberStart, numberEnd, cueStart, gap: '', quantity, printedUnit: groups.unit ?? '%', paired: true };
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
