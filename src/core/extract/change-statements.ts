import { NUMBER_SOURCE, parseQuantity, roundFloat } from '../numbers/parse-quantity.ts';
import type { Approx } from '../types.ts';

/**
 * What a figure's sentence says about the year before, right after the figure:
 * a printed prior value (较2020年172件, (2023年为867件)) or a change (同比增长63%, 较去年增加110件).
 */
export type PriorYearReading =
  | { kind: 'printed'; year: number; value: number; approx: Approx; start: number; end: number; text: string }
  | { kind: 'derived'; year: number; value: number; approx: Approx; start: number; end: number; text: string; formula: string; change: number }
  | { kind: 'unusable'; reason: string; start: number; end: number; text: string };

const WHEN = '(?<when>(?<y>\\d{4})年(?:度)?|去年|上年度?|上一年度?)(?:同期)?';
/** A clause may name its subject again before comparing: 案件量较上一年度285件. */
const LEAD = '^[,，、]?\\s*(?:[^,，。；;、\\d%较比同环与]{0,4}?)';
const PRINTED = new RegExp(`${LEAD}(?:较|比|相比|与)${WHEN}(?:的|为)?${NUMBER_SOURCE}(?<unit>件|宗|起|%|人次|批次|条|项|人)`);
const PARENTHESISED = new RegExp(`${LEAD}[(（]${WHEN}(?:为|是)?${NUMBER_SOURCE}(?<unit>件|宗|起|%|人次|批次|条|项|人)[)）]`);
const CHANGE = new RegExp(`${LEAD}(?:同比|(?:较|比|与)${WHEN}(?:相比)?)(?<dir>增加|增长|上升|提高|提升|多|减少|下降|降低|少|减)(?:了)?${NUMBER_SOURCE}(?<unit>件|宗|起|%|个百分点|百分点|倍|场次|人次|批次|条|项|名|人|个|次|场)`);
const PERIOD_ON_PERIOD = new RegExp(`${LEAD}(?:环比|较上月|较上期|比上月|与上月|较上季度)`);

const UP = /增加|增长|上升|提高|提升|多/;

/** Reads the first clauses after a figure: the comparison may come after a clause about something else (纠错236件,纠错率约为24%,较去年60件…). */
export function readPriorYearNearby(followingText: string, current: { value: number; approx: Approx; isRate: boolean; year: number }): (PriorYearReading & { offset: number }) | null {
  const sameKindFigure = current.isRate ? /\d%/ : /\d(?:件|宗|起|人次|批次|条|项|人)/;
  let offset = 0;
  for (let clause = 0; clause < MAX_CLAUSES && offset <= followingText.length; clause += 1) {
    const rest = followingText.slice(offset);
    const reading = readPriorYear(rest, current);
    if (reading) return { ...reading, offset };
    const nextBreak = rest.slice(1).search(/[，,；;]/);
    const clauseText = nextBreak === -1 ? rest : rest.slice(0, nextBreak + 1);
    // Another figure of the same kind in between: a later comparison is about that one.
    if (sameKindFigure.test(clauseText)) return null;
    if (nextBreak === -1) return null;
    offset += nextBreak + 1;
  }
  return null;
}

const MAX_CLAUSES = 3;

export function readPriorYear(followingText: string, current: { value: number; approx: Approx; isRate: boolean; year: number }): PriorYearReading | null {
  const printed = PRINTED.exec(followingText) ?? PARENTHESISED.exec(followingText);
  if (printed?.groups) {
    const quantity = parseQuantity(`${printed.groups.pre ?? ''}${printed.groups.num}${printed.groups.post ?? ''}`);
    const unitIsRate = printed.groups.unit === '%';
    if (quantity && unitIsRate === current.isRate) {
      const { start, end } = numberSpan(printed);
      return { kind: 'printed', year: yearOf(printed.groups, current.year), value: quantity.value, approx: quantity.approx, start, end, text: printed[0] };
    }
  }
  const change = CHANGE.exec(followingText);
  if (change?.groups) {
    const { start, end } = numberSpan(change);
    const quantity = parseQuantity(`${change.groups.pre ?? ''}${change.groups.num}${change.groups.post ?? ''}`);
    if (!quantity) return null;
    const sign = UP.test(change.groups.dir!) ? 1 : -1;
    const year = yearOf(change.groups, current.year);
    const unit = change.groups.unit!;
    const text = change[0];
    if (unit === '倍') return { kind: 'unusable', reason: 'a change in multiples (倍) is ambiguous in these texts', start, end, text };
    if (current.isRate) {
      if (unit === '%') return { kind: 'unusable', reason: 'a relative change of a rate (同比 X% of a percentage) is ambiguous', start, end, text };
      if (unit !== '个百分点' && unit !== '百分点') return null; // a count's change says nothing of a rate
      const value = roundFloat(current.value - sign * quantity.value);
      return { kind: 'derived', year, value, approx: worst(current.approx, quantity.approx), start, end, text, change: sign * quantity.value, formula: `${current.value} ${sign > 0 ? '−' : '+'} ${quantity.value} (percentage points)` };
    }
    if (unit === '个百分点' || unit === '百分点') return null;
    if (unit === '%') {
      const factor = 1 + (sign * quantity.value) / 100;
      if (factor <= 0) return { kind: 'unusable', reason: `a fall of ${quantity.value}% leaves nothing to divide by`, start, end, text };
      // A count worked back from a rounded percentage is about N cases: whole, not 4977.23.
      return { kind: 'derived', year, value: Math.round(current.value / factor), approx: 'about', start, end, text, change: sign * quantity.value, formula: `${current.value} ÷ (1 ${sign > 0 ? '+' : '−'} ${quantity.value}%)` };
    }
    const value = roundFloat(current.value - sign * quantity.value);
    if (value < 0) return { kind: 'unusable', reason: 'the change is larger than the figure', start, end, text };
    return { kind: 'derived', year, value, approx: worst(current.approx, quantity.approx), start, end, text, change: sign * quantity.value, formula: `${current.value} ${sign > 0 ? '−' : '+'} ${quantity.value}` };
  }
  const periodOnPeriod = PERIOD_ON_PERIOD.exec(followingText);
  if (periodOnPeriod) {
    return { kind: 'unusable', reason: 'a change against the previous month or period gives no prior-year value', start: 0, end: periodOnPeriod[0].length, text: periodOnPeriod[0] };
  }
  return null;
}

function yearOf(groups: Record<string, string | undefined>, currentYear: number): number {
  return groups.y ? Number(groups.y) : currentYear - 1;
}

function numberSpan(match: RegExpExecArray): { start: number; end: number } {
  const groups = match.groups!;
  // The figure and its unit close the match (but for a closing parenthesis).
  const figure = `${groups.pre ?? ''}${groups.num}${groups.post ?? ''}${groups.unit}`;
  const start = match.index + match[0].lastIndexOf(figure);
  return { start, end: start + figure.length };
}

/** The approximation of a value computed from two: exact only if both are. */
function worst(a: Approx, b: Approx): Approx {
  if (a === b) return a;
  if (a === 'exact') return b;
  if (b === 'exact') return a;
  return 'about';
}
