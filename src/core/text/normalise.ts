import { Converter } from 'opencc-js/t2cn';
import { deleteWithin, identityMapped, rewrite, type MappedText } from './mapped-text.ts';

/**
 * Normalisation for matching: the rules see simplified, half-width text with numbers made whole,
 * while every character keeps its offset in the original body (see mapped-text.ts).
 * Each step is one named entry so a researcher can see what is rewritten and why.
 */
const toSimplified = Converter({ from: 't', to: 'cn' });

const CJK = '\\u3400-\\u9fff';
const TONED_VOWEL = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';

type Step = (input: MappedText) => MappedText;

/** `報(bào)告`, `現(xiàn)`: a web converter's pinyin gloss after a character; the gloss goes. */
const dropPinyinGlosses: Step = (input) =>
  deleteWithin(input, new RegExp(`(?<=[${CJK}])\\([a-zü${TONED_VOWEL}]*[${TONED_VOWEL}][a-zü${TONED_VOWEL}]*\\)`, 'g'), () => []);

/** Traditional → Simplified. OpenCC's t2cn maps character for character, which keeps the map; a text it lengthens is converted per character instead. */
const simplify: Step = (input) => {
  const converted = toSimplified(input.text);
  if (converted === input.text) return input;
  if (converted.length === input.text.length) return { text: converted, origin: input.origin };
  const chars = Array.from(input.text, (char) => {
    const single = toSimplified(char);
    return single.length === char.length ? single : char;
  });
  return { text: chars.join(''), origin: input.origin };
};

/** Full-width digits, letters and symbols → ASCII; the Chinese comma, semicolon and colon stay (they separate clauses). */
const halfWidth: Step = (input) =>
  rewrite(input, /[\uFF01-\uFF5E\u3000]/g, ([char]) => {
    if (char === '\u3000') return ' ';
    if (char === '，' || char === '；' || char === '：') return char!;
    return String.fromCharCode(char!.charCodeAt(0) - 0xfee0);
  });

/** `99.80%%` → `99.80%`; `10.81\`%` → `10.81%`: a stray character between a number and its percent sign. */
const repairPercentSigns: Step = (input) =>
  deleteWithin(input, /(?<=\d)(?:[`'’‘"“”]+%|%%+)/g, (match) => Array.from(match[0], (_, i) => i === match[0].length - 1));

/** `99·5 9%` → `99.59%`: a middle dot used as the decimal point and spaces inside a percentage. */
const repairBrokenPercentages: Step = (input) => {
  const dotted = rewrite(input, /(?<=\d)[·•・](?=\d[\d\s]*%)/g, () => '.');
  return deleteWithin(dotted, /(?<=[\d.])[ \t\u00a0]+(?=[\d.]*%)/g, () => []);
};

/** `10,544件` → `10544件`: thousands separators inside a number (not the comma between clauses). */
const dropThousandsSeparators: Step = (input) =>
  deleteWithin(input, /(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d.,]*\d)/g, (match) => Array.from(match[0], (char) => char !== ','));

/** `文件 2 件`, `出庭应诉率 100%`: spaces around a number (common in converted PDFs) go, so cue, number and unit meet. */
const dropSpacesAroundNumbers: Step = (input) =>
  deleteWithin(input, new RegExp(`(?<=[${CJK}\\d%])[ \\t\\u00a0]+(?=\\d)|(?<=\\d)[ \\t\\u00a0]+(?=[${CJK}%])`, 'g'), () => []);

export const NORMALISATION_STEPS: ReadonlyArray<readonly [name: string, step: Step]> = [
  ['drop pinyin glosses', dropPinyinGlosses],
  ['traditional to simplified', simplify],
  ['full-width to half-width', halfWidth],
  ['repair percent signs', repairPercentSigns],
  ['repair broken percentages', repairBrokenPercentages],
  ['drop thousands separators', dropThousandsSeparators],
  ['drop spaces around numbers', dropSpacesAroundNumbers],
];

export function normalise(body: string): MappedText {
  return NORMALISATION_STEPS.reduce((text, [, step]) => step(text), identityMapped(body));
}
