import { Converter, Locale } from 'opencc-js/t2cn';
import { deleteWithin, identityMapped, rewrite, type MappedText } from './mapped-text.ts';
import { ideographOfRadical, RADICAL_CHARACTER } from './radicals.ts';

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
const PINYIN_GLOSS = new RegExp(`(?<=[${CJK}])\\([a-zü${TONED_VOWEL}]*[${TONED_VOWEL}][a-zü${TONED_VOWEL}]*\\)`, 'g');
const dropPinyinGlosses: Step = (input) =>
  input.text.includes('(') ? deleteWithin(input, PINYIN_GLOSS, () => []) : input;

/**
 * Traditional → Simplified. OpenCC's t2cn maps character for character, which keeps the map; a
 * stretch it lengthens or shortens is converted per character instead. Only the stretches around
 * a character some dictionary entry changes are converted (see convertibleWindows): the rest of a
 * simplified report would come back unchanged, and skipping it halves the cost of normalising.
 */
const simplify: Step = (input) => {
  const windows = convertibleWindows(input.text);
  if (windows.length === 0) return input;
  const parts: string[] = [];
  let cursor = 0;
  let changed = false;
  for (const [start, end] of windows) {
    const original = input.text.slice(start, end);
    const converted = toSimplified(original);
    if (converted === original) continue;
    changed = true;
    parts.push(input.text.slice(cursor, start), converted.length === original.length ? converted : perCharacter(original));
    cursor = end;
  }
  if (!changed) return input;
  parts.push(input.text.slice(cursor));
  return { text: parts.join(''), origin: input.origin };
};

function perCharacter(text: string): string {
  return Array.from(text, (char) => {
    const single = toSimplified(char);
    return single.length === char.length ? single : char;
  }).join('');
}

/**
 * What OpenCC's dictionaries can change, per UTF-16 code unit. CHANGING: a character at a position
 * where an entry's source and replacement differ; a text without one converts to itself. STOP:
 * those, and every character that stands after the first in some entry's source. A character
 * without STOP is left as it is and is where OpenCC's greedy left-to-right match starts afresh
 * (in both passes, normalisation and conversion), so a window between two such characters
 * converts exactly as it does inside the whole text. A surrogate half counts as both (windows
 * only grow). Null if the package's shape is not the one this was written against: then the
 * whole text is converted, as before.
 */
const CHANGING = 1;
const STOP = 2;
const DICTIONARY_CHARACTERS = ((): Uint8Array | null => {
  const config = (Locale as unknown as { configs?: Record<string, { normalizationChain?: unknown; conversionChain?: unknown }> }).configs?.t2s;
  const groups = [config?.normalizationChain, config?.conversionChain];
  if (!groups.every(Array.isArray)) return null;
  const table = new Uint8Array(0x10000);
  table.fill(CHANGING | STOP, 0xd800, 0xe000);
  let changes = 0;
  for (const dict of (groups as unknown[][]).flat(2)) {
    const entries: unknown[] = typeof dict === 'string' ? dict.split('|').map((entry) => entry.split(' ')) : Array.isArray(dict) ? dict : [];
    for (const entry of entries) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') return null;
      const source: string = entry[0];
      const target: string = entry[1];
      for (let i = 1; i < source.length; i += 1) table[source.charCodeAt(i)]! |= STOP;
      for (let i = 0; i < source.length; i += 1) {
        if (source.length !== target.length || source.charCodeAt(i) !== target.charCodeAt(i)) {
          table[source.charCodeAt(i)]! |= CHANGING | STOP;
          changes += 1;
        }
      }
    }
  }
  return changes > 0 ? table : null;
})();

/** An ideographic description character (⿰…) makes OpenCC skip a whole sequence: convert such a text whole. */
const IDEOGRAPHIC_DESCRIPTION = /[\u2ff0-\u2fff]/;

/** [start, end) stretches of `text` that OpenCC could change, each starting and ending where its matching starts afresh. */
function convertibleWindows(text: string): Array<[number, number]> {
  const table = DICTIONARY_CHARACTERS;
  if (!table || IDEOGRAPHIC_DESCRIPTION.test(text)) return [[0, text.length]];
  const windows: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i += 1) {
    if (!(table[text.charCodeAt(i)]! & CHANGING)) continue;
    let start = i;
    while (start > 0 && table[text.charCodeAt(start)]! & STOP) start -= 1;
    let end = i + 1;
    while (end < text.length && table[text.charCodeAt(end)]! & STOP) end += 1;
    const last = windows[windows.length - 1];
    if (last && start <= last[1]) last[1] = end;
    else windows.push([start, end]);
    i = end - 1;
  }
  return windows;
}

/** Full-width digits, letters and symbols → ASCII; the Chinese comma, semicolon and colon stay (they separate clauses). */
const halfWidth: Step = (input) =>
  rewrite(input, /[\uFF01-\uFF5E\u3000]/g, ([char]) => {
    if (char === '\u3000') return ' ';
    if (char === '，' || char === '；' || char === '：') return char!;
    return String.fromCharCode(char!.charCodeAt(0) - 0xfee0);
  });

/**
 * `99.80%%` → `99.80%`; `10.81\`%` → `10.81%`; `10.81\`%%` → `10.81%`; `99 %%` → `99%`: stray
 * characters (and blanks among them) between a number and its percent sign.
 */
const STRAY_BEFORE_PERCENT = /(?<=\d)(?:[ \t\u00a0]*[`'’‘"“”]+[ \t\u00a0]*%(?:[ \t\u00a0]*%)*|[ \t\u00a0]*%(?:[ \t\u00a0]*%)+)/g;
const repairPercentSigns: Step = (input) =>
  input.text.includes('%')
    ? deleteWithin(input, STRAY_BEFORE_PERCENT, (match) => Array.from(match[0], (_, i) => i === match[0].length - 1))
    : input;

/** `99·5 9%` → `99.59%`: a middle dot used as the decimal point and spaces inside a percentage. */
const DOT_IN_PERCENTAGE = /(?<=\d)[·•・](?=\d[\d\s]*%)/g;
const SPACE_IN_PERCENTAGE = /(?<=[\d.])[ \t\u00a0]+(?=[\d.]*%)/g;
const repairBrokenPercentages: Step = (input) => {
  if (!input.text.includes('%')) return input;
  const dotted = /[·•・]/.test(input.text) ? rewrite(input, DOT_IN_PERCENTAGE, () => '.') : input;
  return deleteWithin(dotted, SPACE_IN_PERCENTAGE, () => []);
};

/** `10,544件` → `10544件`: thousands separators inside a number (not the comma between clauses). */
const THOUSANDS = /(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d.,]*\d)/g;
const dropThousandsSeparators: Step = (input) =>
  input.text.includes(',') ? deleteWithin(input, THOUSANDS, (match) => Array.from(match[0], (char) => char !== ',')) : input;

/**
 * `文件 2 件`, `出庭应诉率 100%`: spaces around a number (common in converted PDFs) go, so cue, number and unit meet.
 * A run of blanks goes when it stands between a CJK character, digit or % and a digit, or between a digit and a CJK character or %.
 */
const BLANKS = /[ \t\u00a0]+/g;
const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';
const isCjkOrPercent = (char: string | undefined) => char !== undefined && (char === '%' || (char >= '\u3400' && char <= '\u9fff'));
const dropSpacesAroundNumbers: Step = (input) => {
  const { text } = input;
  return deleteWithin(input, BLANKS, (match) => {
    const before = text[match.index - 1];
    const after = text[match.index + match[0].length];
    const drop = ((isCjkOrPercent(before) || isDigit(before)) && isDigit(after)) || (isDigit(before) && isCjkOrPercent(after));
    return drop ? [] : Array.from(match[0], () => true);
  });
};

/** ⼈⺠调解 → 人民调解: radical characters from a PDF's text layer (see radicals.ts); one unit for one, so the map is kept. */
const ANY_RADICAL = /[\u2e80-\u2fd5]/;
const radicalsToIdeographs: Step = (input) =>
  ANY_RADICAL.test(input.text) ? rewrite(input, RADICAL_CHARACTER, ([char]) => ideographOfRadical(char!)) : input;

export const NORMALISATION_STEPS: ReadonlyArray<readonly [name: string, step: Step]> = [
  ['radicals to ideographs', radicalsToIdeographs],
  ['drop pinyin glosses', dropPinyinGlosses],
  ['traditional to simplified', simplify],
  ['full-width to half-width', halfWidth],
  ['repair percent signs', repairPercentSigns],
  ['repair broken percentages', repairBrokenPercentages],
  ['drop spaces around numbers', dropSpacesAroundNumbers],
  ['drop thousands separators', dropThousandsSeparators],
];

export function normalise(body: string): MappedText {
  return NORMALISATION_STEPS.reduce((text, [, step]) => step(text), identityMapped(body));
}
