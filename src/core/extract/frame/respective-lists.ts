import { NUMBER_SOURCE } from '../../numbers/parse-quantity.ts';
import type { Range, Sentence } from '../segments.ts';

/**
 * "办结率、满意率分别为98.1%和96.4%": a respective list pairs its items with its figures in order.
 * The nearest-cue reading would give 98.1% to 满意率; the list gives it to 办结率.
 */
export interface RespectiveList {
  /** The listed items before 分别, in order (offsets into the text). */
  items: Range[];
  /** The figures after 分别, in order: where each number starts. */
  numbers: Range[];
}

const RESPECTIVELY = /分别|依次/g;
const ITEM_SEPARATOR = /[、和及与]|以及/;
const NUMBER_THEN_UNIT = new RegExp(`${NUMBER_SOURCE}(?:%|[件宗起项个名人条次场批份卷本]+次?)?(?:以上|左右)?`, 'y');
const LIST_GAP = /^(?:为|是|达到|达|占|有)?/;
const BETWEEN_NUMBERS = /^(?:、|和|及|与|以及|，|,)/;

export function findRespectiveLists(text: string, sentence: Sentence): RespectiveList[] {
  const lists: RespectiveList[] = [];
  const body = text.slice(sentence.start, sentence.end);
  for (const m of body.matchAll(RESPECTIVELY)) {
    const at = sentence.start + m.index;
    const items = readItems(text, sentence.start, at);
    const numbers = readNumbers(text, at + m[0].length, sentence.end);
    if (items.length >= 2 && numbers.length >= 2) lists.push({ items, numbers });
  }
  return lists;
}

/** The items: back from 分别 to the clause start (a comma or the sentence start), split at 、和及与. */
function readItems(text: string, floor: number, end: number): Range[] {
  let start = end;
  while (start > floor && !/[，,。；;：:\n]/.test(text[start - 1]!)) start -= 1;
  const items: Range[] = [];
  let from = start;
  for (let i = start; i <= end; i += 1) {
    const rest = text.slice(i, end);
    const separator = i < end ? ITEM_SEPARATOR.exec(rest) : null;
    if (i === end || (separator && separator.index === 0)) {
      if (i > from) items.push({ start: from, end: i });
      if (separator && i < end) { i += separator[0].length - 1; from = i + 1; }
    }
  }
  return items;
}

function readNumbers(text: string, from: number, ceiling: number): Range[] {
  const numbers: Range[] = [];
  let at = from + (LIST_GAP.exec(text.slice(from, ceiling))?.[0].length ?? 0);
  while (at < ceiling) {
    NUMBER_THEN_UNIT.lastIndex = at;
    const m = NUMBER_THEN_UNIT.exec(text);
    if (!m || m.index !== at) break;
    numbers.push({ start: at, end: at + m[0].length });
    at += m[0].length;
    const separator = BETWEEN_NUMBERS.exec(text.slice(at, ceiling));
    if (!separator) break;
    at += separator[0].length;
  }
  return numbers;
}
