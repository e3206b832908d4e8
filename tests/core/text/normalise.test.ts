import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBodySpan } from '../../../src/core/text/mapped-text.ts';
import { normalise, NORMALISATION_STEPS } from '../../../src/core/text/normalise.ts';

/** The normalised text, and the original characters each normalised character came from. */
function check(body: string): { text: string; from: string } {
  const mapped = normalise(body);
  expect(mapped.origin.length).toBe(mapped.text.length);
  return { text: mapped.text, from: Array.from(mapped.origin, (i) => body[i]).join('') };
}

describe('normalise: examples', () => {
  it('turns traditional into simplified characters, one for one', () => {
    const body = '辦理行政復議案件，全縣執法單位';
    const { text, from } = check(body);
    expect(text).toBe('办理行政复议案件，全县执法单位');
    expect(from).toBe(body);
  });

  it('drops a pinyin gloss after a character: 報(bào)告, 現(xiàn)', () => {
    expect(normalise('年度報(bào)告').text).toBe('年度报告');
    expect(normalise('實現(xiàn)目標').text).toBe('实现目标');
    expect(normalise('現(xiàn)').text).toBe('现');
    const mapped = normalise('年度報(bào)告');
    expect(Array.from(mapped.origin)).toEqual([0, 1, 2, 8]);
  });

  it('keeps a bracketed word that is no gloss', () => {
    expect(normalise('规定(试行)').text).toBe('规定(试行)');
    expect(normalise('abc(de)').text).toBe('abc(de)');
    expect(normalise('(bào)').text).toBe('(bào)'); // no character before it to gloss
  });

  it('keeps a number whose unit carries a gloss: 1.2萬(wàn)件', () => {
    expect(normalise('1.2萬(wàn)件').text).toBe('1.2万件');
  });

  it('turns full-width digits, letters and percent signs into ASCII', () => {
    expect(normalise('１２３件').text).toBe('123件');
    expect(normalise('９５．５％').text).toBe('95.5%');
    expect(normalise('ＡＢＣ').text).toBe('ABC');
    expect(normalise('（一）').text).toBe('(一)');
    expect(normalise('甲\u3000乙').text).toBe('甲 乙');
  });

  it('keeps the Chinese comma, semicolon and colon (they separate clauses)', () => {
    expect(normalise('受理5件，办结4件；其中：').text).toBe('受理5件，办结4件；其中：');
  });

  it('repairs percent signs: 99.80%% → 99.80%, 10.81`% → 10.81%', () => {
    expect(normalise('99.80%%').text).toBe('99.80%');
    expect(normalise('满意率99.80%%%。').text).toBe('满意率99.80%。');
    expect(normalise('10.81`%').text).toBe('10.81%');
    expect(normalise('10.81’%').text).toBe('10.81%');
    expect(normalise('10.81`%%').text).toBe('10.81%'); // both repairs at once (was left as 10.81%%)
    expect(normalise('0\t%%').text).toBe('0%'); // blanks among the signs (took two passes)
    expect(normalise('99 % %').text).toBe('99%');
    expect(normalise('10.81 `%').text).toBe('10.81%');
    const mapped = normalise('10.81`%');
    expect(mapped.origin[mapped.text.indexOf('%')]).toBe(6);
  });

  it('repairs a percentage broken by a middle dot and spaces: 99·5 9% → 99.59%', () => {
    expect(normalise('99·5 9%').text).toBe('99.59%');
    expect(normalise('满意率99·5 9%。').text).toBe('满意率99.59%。');
    expect(normalise('6·14信用记录关爱日').text).toBe('6·14信用记录关爱日'); // a date, not a percentage
  });

  it('drops thousands separators: 10,544件 → 10544件', () => {
    expect(normalise('10,544件').text).toBe('10544件');
    expect(normalise('1,234,567人').text).toBe('1234567人');
    expect(normalise('受理1,024件,办结1,000件').text).toBe('受理1024件,办结1000件');
  });

  it('keeps a comma that is no thousands separator', () => {
    expect(normalise('12,34件').text).toBe('12,34件');
    expect(normalise('1,2345').text).toBe('1,2345');
    expect(normalise('2024年,全县').text).toBe('2024年,全县');
    expect(normalise('1.5,2').text).toBe('1.5,2');
  });

  it('repairs in one pass what a second pass would otherwise repair', () => {
    expect(normalise('0\t%%').text).toBe('0%');
  });

  it('drops spaces around numbers', () => {
    expect(normalise('文件 2 件').text).toBe('文件2件');
    expect(normalise('出庭应诉率 100%').text).toBe('出庭应诉率100%');
    expect(normalise('第 3 季度').text).toBe('第3季度');
    expect(normalise('100 %').text).toBe('100%');
  });

  it('leaves spaces between words', () => {
    expect(normalise('Fazhi Atlas 法治 政府').text).toBe('Fazhi Atlas 法治 政府');
  });

  it('gives back plain simplified text unchanged, the very same object map', () => {
    const body = '2024年，全县共办理行政复议案件12件，办结10件。\n二、存在的不足\n';
    const mapped = normalise(body);
    expect(mapped.text).toBe(body);
    expect(Array.from(mapped.origin)).toEqual(Array.from(body, (_, i) => i));
  });

  it('maps a span of the normalised text back onto the figure as printed', () => {
    const body = '全縣受理行政復議案件 1,024 件(2023年為 867 件)，滿意率９９·５ ９％%。';
    const mapped = normalise(body);
    for (const figure of ['1024件', '867件', '99.59%']) {
      const at = mapped.text.indexOf(figure);
      expect(at, figure).toBeGreaterThanOrEqual(0);
      const [start, end] = toBodySpan(mapped, at, at + figure.length);
      const printed = body.slice(start, end);
      expect(printed.replace(/[\s,·]/g, '')).toMatch(/^(1024件|867件|９９５９％%?)$/);
    }
  });

  it('names every step', () => {
    expect(NORMALISATION_STEPS.map(([name]) => name)).toContain('traditional to simplified');
  });
});

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
/** Text built from the characters the steps care about, so the properties meet their edge cases. */
const reportish = fc.string({
  unit: fc.constantFrom(
    ...'0123456789０１２３４５６７８９.,，%％%`’·・ \t\u3000\u00a0()（）bàoxiànzhíé件人次率報告现縣辦理复議万萬亿年月日。；\n𠀀😀'.split(''),
    '報(bào)', '現(xiàn)', '99.80%%', '10.81`%', '99·5 9%', '10,544件', '1,234,567',
  ),
  maxLength: 60,
});

describe('normalise: properties', () => {
  const arbitraries = [
    ['report-like text', reportish],
    ['any string', fc.string({ maxLength: 80 })],
    ['any code points', fc.string({ unit: 'binary', maxLength: 80 })],
    ['grapheme text', fc.string({ unit: 'grapheme', maxLength: 40 })],
  ] as const;

  for (const [label, arbitrary] of arbitraries) {
    it(`keeps a strictly increasing in-bounds map, one entry per character (${label})`, () => {
      fc.assert(fc.property(arbitrary, (body) => {
        const { text, origin } = normalise(body);
        expect(origin.length).toBe(text.length);
        for (let i = 0; i < origin.length; i += 1) {
          expect(origin[i]).toBeGreaterThanOrEqual(0);
          expect(origin[i]).toBeLessThan(body.length);
          if (i > 0) expect(origin[i]).toBeGreaterThan(origin[i - 1]!);
        }
      }), { numRuns: 1500 });
    });

    it(`maps every ASCII digit back to the same digit or its full-width form (${label})`, () => {
      fc.assert(fc.property(arbitrary, (body) => {
        const { text, origin } = normalise(body);
        for (let i = 0; i < text.length; i += 1) {
          const char = text[i]!;
          if (char < '0' || char > '9') continue;
          const source = body[origin[i]!]!;
          expect([char, FULL_WIDTH_DIGITS[Number(char)]]).toContain(source);
        }
      }), { numRuns: 1500 });
    });
  }

  it('changes nothing in text without traditional, full-width, gloss or number-formatting content', () => {
    const plain = fc.string({ unit: fc.constantFrom(...'法治政府建设年度报告全县办理行政复议案件件人次满意率达到、，。；：\n一二三四五六七八九十百千万'.split('')), maxLength: 80 });
    fc.assert(fc.property(plain, fc.array(fc.integer({ min: 0, max: 99_999 }), { maxLength: 4 }), (words, numbers) => {
      const body = words + numbers.map((n) => `共${n}件。`).join('');
      const mapped = normalise(body);
      expect(mapped.text).toBe(body);
      expect(Array.from(mapped.origin)).toEqual(Array.from(body, (_, i) => i));
    }), { numRuns: 1000 });
  });
});
