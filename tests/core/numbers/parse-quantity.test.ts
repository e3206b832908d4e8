import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NUMBER_SOURCE, parseNumeral, parseQuantity, PREFIX_QUALIFIERS, roundFloat, SUFFIX_QUALIFIERS } from '../../../src/core/numbers/parse-quantity.ts';
import { renderChineseInteger } from '../chinese-numeral-render.ts';

const exact = (value: number) => ({ value, approx: 'exact', percent: false });

describe('parseQuantity: Arabic numbers', () => {
  it.each([
    ['0', 0], ['7', 7], ['12', 12], ['2024', 2024], ['10544', 10544],
    ['12.5', 12.5], ['99.80', 99.8], ['0.5', 0.5],
  ])('%s → %d', (text, value) => {
    expect(parseQuantity(text)).toEqual(exact(value));
  });

  it.each([
    ['1.2万', 12_000], ['3万', 30_000], ['0.5万', 5_000], ['3亿', 300_000_000], ['1.25亿', 125_000_000], ['2.37万', 23_700],
  ])('%s → %d (万 and 亿 scale the number, no float noise)', (text, value) => {
    expect(parseQuantity(text)).toEqual(exact(value));
  });

  it('1.2万 is exactly 12000, not 11999.999999999998', () => {
    expect(parseQuantity('1.2万')!.value).toBe(12000);
    expect(parseQuantity('1.1万')!.value).toBe(11000);
  });
});

describe('parseQuantity: Chinese numerals', () => {
  it.each([
    ['一千二百三十四', 1234], ['两百', 200], ['两万', 20_000], ['一百零五', 105], ['三万五千', 35_000],
    ['二〇二四', 2024], ['十', 10], ['十一', 11], ['二十', 20], ['一十', 10], ['十万', 100_000],
    ['五千万', 50_000_000], ['一万零一', 10_001], ['一千零一十', 1010], ['一亿零五', 100_000_005],
    ['一亿两千万', 120_000_000], ['三点五', 3.5], ['零', 0], ['百', 100], ['千', 1000],
  ])('%s → %d', (text, value) => {
    expect(parseQuantity(text)).toEqual(exact(value));
  });

  it.each([
    ['一百一', 110], ['一千二', 1200], ['两千三', 2300], ['三万五', 35_000], ['一万五', 15_000], ['十三万五', 135_000], ['一亿五', 150_000_000],
  ])('the colloquial short form %s means %d (the last digit counts in the next lower unit)', (text, value) => {
    expect(parseQuantity(text)).toEqual(exact(value));
  });

  it('十余 is at least ten', () => {
    expect(parseQuantity('十余')).toEqual({ value: 10, approx: 'at_least', percent: false });
  });
});

describe('parseQuantity: percentages written out', () => {
  it.each([
    ['百分之九十五', 95], ['百分之百', 100], ['百分之九十九点五', 99.5], ['百分之99.5', 99.5], ['百分之十', 10],
  ])('%s → %d%%', (text, value) => {
    expect(parseQuantity(text)).toEqual({ value, approx: 'exact', percent: true });
  });

  it('a plain number is not a percentage', () => {
    expect(parseQuantity('95')!.percent).toBe(false);
  });
});

describe('parseQuantity: qualifiers', () => {
  it.each([
    ['近3000', 3000, 'at_most'], ['不足10', 10, 'at_most'], ['将近200', 200, 'at_most'], ['接近50', 50, 'at_most'], ['不到5', 5, 'at_most'],
    ['190余', 190, 'at_least'], ['20多', 20, 'at_least'], ['超过5', 5, 'at_least'], ['逾百', 100, 'at_least'], ['逾1.2万', 12_000, 'at_least'],
    ['100以上', 100, 'at_least'], ['约1.2万', 12_000, 'about'], ['大约30', 30, 'about'], ['10左右', 10, 'about'], ['约三千', 3000, 'about'],
  ] as const)('%s → %d, %s', (text, value, approx) => {
    expect(parseQuantity(text)).toEqual({ value, approx, percent: false });
  });

  it('every prefix qualifier in the table is read', () => {
    for (const [word, approx] of Object.entries(PREFIX_QUALIFIERS)) {
      expect(parseQuantity(`${word}12`), word).toEqual({ value: 12, approx, percent: false });
    }
  });

  it('every suffix qualifier in the table is read', () => {
    for (const [word, approx] of Object.entries(SUFFIX_QUALIFIERS)) {
      expect(parseQuantity(`12${word}`), word).toEqual({ value: 12, approx, percent: false });
    }
  });
});

describe('parseQuantity: a qualifier inside 万/亿', () => {
  it.each([['10余万', 100000], ['3多亿', 3e8]])('%s is at least %d', (text, value) => {
    expect(parseQuantity(text)).toEqual({ value, approx: 'at_least', percent: false });
  });
});

describe('parseQuantity: not a number', () => {
  it.each([
    '', '三四', '百百', '十百', '千百', '万', '亿万', '1.', '.5', '-3', '1e5', '12,000', '约', '以上', '近', 'abc', '百分之', '百分之三四', '三点', '点五', '一点二点三', '1.2.3', '１２',
  ])('%j → null', (text) => {
    expect(parseQuantity(text)).toBeNull();
  });
});

describe('parseQuantity: too long to be a figure', () => {
  it('a run of digits beyond the safe integer range is no number (not Infinity)', () => {
    expect(parseQuantity('9'.repeat(400))).toBeNull();
    expect(parseQuantity('9'.repeat(17))).toBeNull();
    expect(parseQuantity('9007199254740991')).toEqual(exact(Number.MAX_SAFE_INTEGER));
    expect(parseQuantity('一二三四五六七八九一二三四五六七八九')).toBeNull();
    expect(parseQuantity(`百分之${'9'.repeat(400)}`)).toBeNull();
  });
});

describe('parseNumeral', () => {
  it('reads the bare token without qualifiers', () => {
    expect(parseNumeral('1.2万')).toEqual({ value: 12000, percent: false });
    expect(parseNumeral('百分之九十')).toEqual({ value: 90, percent: true });
    expect(parseNumeral('近3000')).toBeNull();
  });
});

describe('NUMBER_SOURCE', () => {
  const re = new RegExp(NUMBER_SOURCE, 'g');
  const tokens = (text: string) => [...text.matchAll(re)].map((m) => m[0]);

  it('finds each printed number once, with its qualifiers', () => {
    expect(tokens('受理近3000件，办结190余件，约1.2万人次')).toEqual(['近3000', '190余', '约1.2万']);
  });

  it('does not start a match inside another number', () => {
    expect(tokens('99.59%')).toEqual(['99.59']);
    expect(tokens('12345')).toEqual(['12345']);
  });
});

describe('roundFloat', () => {
  it('removes binary noise from a product', () => {
    expect(roundFloat(1.2 * 10000)).toBe(12000);
    expect(roundFloat(0.1 + 0.2)).toBe(0.3);
  });
});

describe('parseQuantity properties', () => {
  it('every integer 0..10^12 in Arabic digits parses back exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
      expect(parseQuantity(String(n))).toEqual(exact(n));
    }), { numRuns: 2000 });
  });

  it('every integer 1..99,999,999 in Chinese numerals parses back', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 99_999_999 }), fc.boolean(), fc.constantFrom('零' as const, '〇' as const),
      (n, liang, ling) => {
        const text = renderChineseInteger(n, { liang, ling });
        expect(parseQuantity(text), text).toEqual(exact(n));
      },
    ), { numRuns: 3000 });
  });

  it('small Chinese numerals parse back (every value up to 100,000)', () => {
    for (let n = 1; n <= 100_000; n += 1) {
      const text = renderChineseInteger(n);
      if (parseQuantity(text)?.value !== n) expect(parseQuantity(text), text).toEqual(exact(n));
    }
  });

  it('decimals with up to 4 places round-trip', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 4 }), (scaled, places) => {
      const value = scaled / 10 ** places;
      const text = value.toFixed(places);
      expect(parseQuantity(text)).toEqual(exact(Number(text)));
    }), { numRuns: 2000 });
  });

  it('a decimal with 万 is the decimal times 10,000, to six places', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 3 }), (scaled, places) => {
      const text = (scaled / 10 ** places).toFixed(places);
      const expected = Number(((scaled * 10_000) / 10 ** places).toFixed(6));
      expect(parseQuantity(`${text}万`)!.value).toBe(expected);
    }), { numRuns: 1000 });
  });

  it('a qualifier does not change the value', () => {
    const prefixes = Object.keys(PREFIX_QUALIFIERS);
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e9 }), fc.constantFrom(...prefixes), (n, prefix) => {
      const plain = parseQuantity(String(n))!;
      expect(parseQuantity(`${prefix}${n}`)!.value).toBe(plain.value);
      expect(parseQuantity(`${n}余`)!.value).toBe(plain.value);
    }), { numRuns: 500 });
  });

  it('never throws on arbitrary strings', () => {
    const numeralish = fc.string({ unit: fc.constantFrom(...'零〇一二两三四五六七八九十百千万亿点余多近约逾超过不足以上左右百分之0123456789.%,'.split('')), maxLength: 20 });
    for (const arbitrary of [fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), numeralish]) {
      fc.assert(fc.property(arbitrary, (text) => {
        const result = parseQuantity(text);
        if (result !== null) {
          expect(Number.isFinite(result.value)).toBe(true);
          expect(result.value).toBeGreaterThanOrEqual(0);
        }
      }), { numRuns: 2000 });
    }
  });
});
