import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from '../../../src/core/numbers/chinese-numerals.ts';
import { renderChineseInteger } from '../chinese-numeral-render.ts';

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1], ['九', 9], ['十', 10], ['十五', 15], ['二十五', 25], ['一百', 100], ['一百零五', 105], ['一百一十', 110],
    ['一百十五', 115], ['一千零十', 1010], ['两百', 200], ['两千', 2000], ['两万', 20_000], ['三万五千', 35_000],
    ['十万', 100_000], ['一百万', 1_000_000], ['一千万', 10_000_000], ['一亿', 100_000_000], ['一亿两千万', 120_000_000],
    ['二〇二四', 2024], ['二零二三', 2023], ['一二三', 123], ['〇', 0], ['零', 0], ['三点五', 3.5], ['九十九点九', 99.9],
    ['一万〇五', 10_005],
  ])('%s → %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(['', '三四', '五零', '百百', '十百', '千百', '万', '万万', '亿万', '一万亿', '三点', '三点十', '三点五点', '十三万十', 'x', '一x'])('%j is no number', (text) => {
    expect(parseChineseNumeral(text)).toBeNull();
  });

  it('never throws, and returns a finite non-negative number or null, for any run of numeral characters', () => {
    const run = fc.string({ unit: fc.constantFrom(...`${CHINESE_NUMERAL_CHARS}点`.split('')), maxLength: 16 });
    fc.assert(fc.property(run, (text) => {
      const value = parseChineseNumeral(text);
      if (value !== null) {
        expect(Number.isFinite(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(0);
      }
    }), { numRuns: 5000 });
  });

  it('reads the test renderer\'s output back for any integer 0..99,999,999', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
      expect(parseChineseNumeral(renderChineseInteger(n))).toBe(n);
    }), { numRuns: 3000 });
  });
});
