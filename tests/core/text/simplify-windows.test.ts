import fc from 'fast-check';
import { Converter, Locale } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../../src/core/text/normalise.ts';

/**
 * normalise() converts only the stretches around characters OpenCC could change. This checks it
 * against OpenCC converting the whole text, on text made of OpenCC's own dictionary entries.
 */
const whole = Converter({ from: 't', to: 'cn' });

const config = (Locale as unknown as { configs: Record<string, { normalizationChain: string[][]; conversionChain: string[][] }> }).configs.t2s!;
const entries = [...config.normalizationChain.flat(), ...config.conversionChain.flat()]
  .flatMap((dict) => dict.split('|').map((entry) => entry.split(' ') as [string, string]));
const sources = entries.map(([source]) => source);
const phrases = sources.filter((source) => [...source].length > 1);
/** Characters of the dictionaries' sources and targets, and some plain simplified text around them. */
const characters = [...new Set(entries.flatMap(([source, target]) => [...source, ...target]))];
const plain = [...'法治政府建设年度报告全县办理行政复议案件覆盖一目了然乾县著名后来'];

const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...phrases), weight: 3 },
  { arbitrary: fc.constantFrom(...sources), weight: 2 },
  { arbitrary: fc.constantFrom(...characters), weight: 3 },
  { arbitrary: fc.constantFrom(...plain), weight: 4 },
);
const text = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));

/** normalise() without the other steps' concerns: text free of ASCII, digits, blanks and brackets. */
const onlyCjk = (s: string) => Array.from(s).every((char) => {
  const code = char.codePointAt(0)!;
  return code > 0x7f && code !== 0xa0 && code !== 0x3000 && !(code >= 0xff01 && code <= 0xff5e);
});

describe('normalise: traditional to simplified by windows', () => {
  it('has dictionaries to test with', () => {
    expect(phrases.length).toBeGreaterThan(300);
  });

  it('gives what OpenCC gives for the whole text, whenever that maps character for character', () => {
    const astral = /[\ud800-\udfff]/;
    fc.assert(fc.property(text, (body) => {
      fc.pre(onlyCjk(body) && !astral.test(body));
      const converted = whole(body);
      // The whole-text conversion can keep the length by accident (one character longer, one shorter): not comparable.
      fc.pre(converted.length === body.length && !astral.test(converted));
      expect(normalise(body).text).toBe(converted);
    }), { numRuns: 3000 });
  });

  it('gives what OpenCC gives for real reports written in traditional characters', () => {
    const samples = [
      '濟源市2021年法治政府建設情況報告', '堅持以習近平新時代中國特色社會主義思想為指導', '全縣行政複議案件辦結率達到100%',
      '乾縣人民政府', '一目瞭然', '答覆群眾來信', '著名的乾隆年間', '後來他們在裡面', '覆蓋全縣', '全覆盖',
    ];
    for (const sample of samples) expect(normalise(sample).text, sample).toBe(whole(sample));
  });
});
