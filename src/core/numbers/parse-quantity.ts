import type { Approx } from '../types.ts';
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from './chinese-numerals.ts';

/** A number as printed, read: its value and whether the text marks it as approximate. */
export interface Quantity {
  value: number;
  approx: Approx;
  /** true for 百分之N, where the percent is part of the numeral itself. */
  percent: boolean;
}

/** Qualifiers before a number and what they say about it (a table, so it can be extended). */
export const PREFIX_QUALIFIERS: Record<string, Approx> = {
  将近: 'at_most', 接近: 'at_most', 不足: 'at_most', 不到: 'at_most', 近: 'at_most',
  超过: 'at_least', 逾: 'at_least',
  大约: 'about', 约: 'about',
};

/** Qualifiers after a number (余, 多) or after its unit (以上, 左右). */
export const SUFFIX_QUALIFIERS: Record<string, Approx> = { 余: 'at_least', 多: 'at_least', 以上: 'at_least', 左右: 'about' };

/** 10余万 (over 100,000): the qualifier may stand between the digits and 万/亿. */
const ARABIC = String.raw`\d+(?:\.\d+)?(?:[余多]?[万亿])?`;
const CHINESE = `(?<![${CHINESE_NUMERAL_CHARS}])[${CHINESE_NUMERAL_CHARS}]+(?:点[零〇一二三四五六七八九]+)?`;
const PERCENT_WORDS = `百分之(?:${CHINESE}|\\d+(?:\\.\\d+)?)`;
const prefixAlternatives = Object.keys(PREFIX_QUALIFIERS).sort((a, b) => b.length - a.length).join('|');

/**
 * Regex source for one printed number with its qualifiers, with named groups `pre`, `num`, `post`.
 * Rules embed it; the `(?<![\d.])` guard keeps a match from starting inside another number.
 */
export const NUMBER_SOURCE = `(?<pre>${prefixAlternatives})?(?<num>${PERCENT_WORDS}|(?<![\\d.])${ARABIC}|${CHINESE})(?<post>余|多)?`;

/** Reads the digits of a number token (no qualifiers): 1234, 12.5, 1.2万, 三千, 百分之九十. */
export function parseNumeral(text: string): { value: number; percent: boolean; atLeast?: boolean } | null {
  if (text.startsWith('百分之')) {
    const inner = parseNumeral(text.slice(3));
    return inner ? { value: inner.value, percent: true } : null;
  }
  const arabic = /^(\d+(?:\.\d+)?)([余多])?([万亿])?$/.exec(text);
  if (arabic) {
    const scale = arabic[3] === '万' ? 1e4 : arabic[3] === '亿' ? 1e8 : 1;
    const value = roundFloat(Number(arabic[1]) * scale);
    if (!isPlausible(value)) return null;
    return arabic[2] ? { value, percent: false, atLeast: true } : { value, percent: false };
  }
  const chinese = parseChineseNumeral(text);
  return chinese === null || !isPlausible(chinese) ? null : { value: chinese, percent: false };
}

/** A run of digits too long to be a figure (2 MB of 9s is Infinity) is no number: values stay exact integers or short decimals. */
function isPlausible(value: number): boolean {
  return Number.isFinite(value) && value <= Number.MAX_SAFE_INTEGER;
}

/** Reads a whole printed quantity such as `近3000`, `190余`, `约1.2万`, `百分之九十五`. */
export function parseQuantity(text: string): Quantity | null {
  const match = WHOLE_QUANTITY.exec(text);
  if (!match?.groups) return null;
  const numeral = parseNumeral(match.groups.num!);
  if (!numeral) return null;
  let approx: Approx = numeral.atLeast ? 'at_least' : 'exact';
  if (match.groups.pre) approx = PREFIX_QUALIFIERS[match.groups.pre]!;
  if (match.groups.post) approx = SUFFIX_QUALIFIERS[match.groups.post]!;
  if (match.groups.trailing) approx = SUFFIX_QUALIFIERS[match.groups.trailing]!;
  return { value: numeral.value, approx, percent: numeral.percent };
}

/** A whole quantity: NUMBER_SOURCE, optionally followed by 以上 or 左右 when no unit stands between. */
const WHOLE_QUANTITY = new RegExp(`^${NUMBER_SOURCE}(?<trailing>以上|左右)?$`);

/** Multiplying 1.2 by 10000 gives 11999.999999999998; printed numbers have at most a few decimals. */
export function roundFloat(value: number): number {
  return Number(value.toFixed(6));
}
