/**
 * Renders an integer the way these reports print Chinese numerals (一千二百三十四, 两万, 十万零五),
 * for property tests of the parser. Written independently of src/core/numbers.
 */
const DIGIT_CHARS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const SMALL = ['千', '百', '十', ''] as const;

export interface RenderOptions {
  /** Print 2 before 百, 千 and 万 as 两 (两百, 两千, 两万) rather than 二. */
  liang?: boolean;
  /** Print 〇 rather than 零 as the placeholder. */
  ling?: '零' | '〇';
}

/** 1..9999 in standard form; `whole` when it is the start of the number (a leading 一十 is written 十). */
function renderSection(value: number, whole: boolean, options: RenderOptions, beforeWan: boolean): string {
  const digits = [Math.floor(value / 1000) % 10, Math.floor(value / 100) % 10, Math.floor(value / 10) % 10, value % 10];
  let out = '';
  let started = false;
  let zeroPending = false;
  digits.forEach((digit, position) => {
    if (digit === 0) {
      if (started) zeroPending = true;
      return;
    }
    if (zeroPending) { out += options.ling ?? '零'; zeroPending = false; }
    const unit = SMALL[position]!;
    const isLeadingTen = unit === '十' && digit === 1 && whole && !started;
    const isLiangPosition = (unit === '百' || unit === '千' || (unit === '' && beforeWan && !started)) && digit === 2;
    const digitChar = isLeadingTen ? '' : isLiangPosition && options.liang ? '两' : DIGIT_CHARS[digit]!;
    out += digitChar + unit;
    started = true;
  });
  return out;
}

/** Renders 0..99,999,999. */
export function renderChineseInteger(value: number, options: RenderOptions = {}): string {
  if (!Number.isInteger(value) || value < 0 || value > 99_999_999) throw new RangeError(`cannot render ${value}`);
  if (value === 0) return '零';
  const high = Math.floor(value / 10_000);
  const low = value % 10_000;
  let out = '';
  if (high > 0) out += `${renderSection(high, true, options, true)}万`;
  if (low > 0) {
    if (high > 0 && low < 1000) out += options.ling ?? '零';
    out += renderSection(low, high === 0, options, false);
  }
  return out;
}
