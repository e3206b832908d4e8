/**
 * Chinese numerals as these reports print them: 一千二百三十四, 两万, 十余, 一百零五, 三点五.
 * Hand-written because the packaged parsers checked (nzh 1.0.14) read 两百 and 1.2万 as 0.
 */
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** Parses a run of Chinese numeral characters (optionally with 点 and decimal digits); null if it is not a well-formed number. */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0) return null;
  const [integerPart = '', decimalPart] = text.split('点');
  if (text.split('点').length > 2) return null;
  const integer = integerPart === '' ? 0 : parseChineseInteger(integerPart);
  if (integer === null) return null;
  if (decimalPart === undefined) return integer;
  if (decimalPart.length === 0) return null;
  let fraction = '';
  for (const char of decimalPart) {
    const digit = DIGITS[char];
    if (digit === undefined) return null;
    fraction += String(digit);
  }
  return Number(`${integer}.${fraction}`);
}

function parseChineseInteger(text: string): number | null {
  const chars = [...text];
  // A bare digit string of three or more (二〇二四) reads digit by digit; 三四 ("three or four") is no number.
  if (chars.length >= 3 && chars.every((char) => char in DIGITS)) {
    return Number(chars.map((char) => DIGITS[char]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastBig = Infinity;
  let lastSmall = Infinity;
  /** The unit just before the current digit (0 after 零 or at the start): 一千二 is 1200, 一千零二 is 1002. */
  let unitBefore = 0;
  let previous = '';
  for (const char of chars) {
    const before = previous;
    previous = char;
    if (char === '零' || char === '〇') { // a placeholder inside a number: 一百零五
      if (digit !== null) return null; // 五零
      unitBefore = 0;
      continue;
    }
    if (char in DIGITS) {
      if (digit !== null) return null; // two digits in a row: 三四
      digit = DIGITS[char]!;
      continue;
    }
    const small = SMALL_UNITS[char];
    if (small !== undefined) {
      if (small >= lastSmall) return null; // 百百, 十百
      // A unit needs its digit, but for a leading 十, 百 or 千 (十五, 逾百, 近千) and 一百十五, 一千零十.
      if (digit === null && before !== '' && !(small === 10 && (before === '零' || before === '〇' || before === '百'))) return null;
      section += (digit ?? 1) * small;
      digit = null;
      lastSmall = small;
      unitBefore = small;
      continue;
    }
    const big = BIG_UNITS[char];
    if (big !== undefined) {
      if (big >= lastBig) return null;
      section += digit ?? 0;
      if (section === 0) return null;
      total += section * big;
      section = 0;
      digit = null;
      lastBig = big;
      lastSmall = Infinity;
      unitBefore = big;
      continue;
    }
    return null;
  }
  // The short form 一千二, 三万五: a last digit right after a unit counts in the next lower unit.
  if (digit !== null && unitBefore > 10) return total + section + digit * (unitBefore / 10);
  return total + section + (digit ?? 0);
}
