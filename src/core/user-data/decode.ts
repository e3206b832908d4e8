/**
 * The one encoding detector, for uploaded tables and dropped reports (decode-report-bytes.ts).
 * Bytes → text, in the encodings Chinese users actually send: UTF-8 (with or
 * without a byte-order mark), GBK/GB18030 (what Excel and WPS write by default on Chinese Windows),
 * Big5, UTF-16 with a BOM. Strict UTF-8 is tried first (`fatal: true`): GBK bytes are almost never
 * valid UTF-8, so a file that decodes cleanly is UTF-8. Otherwise chardet's guess and a count of
 * common Chinese characters choose between the legacy encodings. Every decoder is strict, so a
 * wrong choice is an error naming the encoding, never silent mojibake.
 */
import chardet from 'chardet';

/** The encodings a user can choose (the WHATWG labels Chromium's and Node's TextDecoder accept). */
export const TABLE_ENCODINGS = ['UTF-8', 'GB18030', 'Big5', 'UTF-16LE', 'UTF-16BE'] as const;
export type TableEncoding = (typeof TABLE_ENCODINGS)[number];

export interface EncodingGuess {
  encoding: TableEncoding;
  /** 0–100: 100 for a BOM or clean UTF-8, lower for a guess among legacy encodings. */
  confidence: number;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

/**
 * A decoding failure that names the encoding tried and where the bad bytes are: `byteOffset` is the
 * start of the chunk they were in (where a second guess can start reading), `badByte` and `line`
 * (1-based, counted in the text decoded before them) locate them for the user, when known.
 */
export class DecodeError extends Error {
  constructor(readonly encoding: TableEncoding, readonly byteOffset: number | null, readonly badByte: number | null = null, readonly line: number | null = null) {
    super(`The file is not valid ${encoding}${badByte === null ? byteOffset === null ? '' : ` (bad bytes near byte ${byteOffset})` : ` (bad bytes at byte ${badByte}${line === null ? '' : `, line ${line}`})`}`);
    this.name = 'DecodeError';
  }
}

const countNewlines = (text: string): number => {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
};

/**
 * The first bad byte of a chunk that failed to decode, and the text before it: a prefix decodes
 * (in streaming mode, where a character cut at the end is allowed) exactly when it holds no bad
 * sequence, so the shortest failing prefix is found by bisection.
 */
function firstBadByte(chunk: Uint8Array, encoding: TableEncoding): { at: number; before: string } {
  let good = 0;
  let bad = chunk.length;
  while (bad - good > 1) {
    const mid = (good + bad) >> 1;
    if (strictDecode(chunk.subarray(0, mid), encoding, true) === null) bad = mid;
    else good = mid;
  }
  return { at: bad - 1, before: strictDecode(chunk.subarray(0, good), encoding, true) ?? '' };
}

export function bomOf(bytes: Uint8Array): EncodingGuess | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'UTF-8', confidence: 100, bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'UTF-16LE', confidence: 100, bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'UTF-16BE', confidence: 100, bomLength: 2 };
  return null;
}

/** Common characters of Chinese tables (place suffixes, years, counts, rates): real GBK text is full of them. */
const COMMON = new Set([...'的一是在不了有和人中大为上个国以要时来用们到地于出就分对成会可发年动同工能下过子产种面方后多定行学法所民经十三进等部度家力里如化高自二理起小物现实加量都两体制机当使点从业本去性好应开合还因由其然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又利比或质气第向道命此变条只没结解问意建月公无系很情者最立代已通并提直题程展五果象员位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被干做必战先回则任取据处府研县市省乡镇街率案调热办理诉复议申请访援助咨询普宣传执审查执行满意回复']);

function commonShare(text: string): number {
  let han = 0;
  let common = 0;
  for (const ch of text) {
    if (ch >= '\u4e00' && ch <= '\u9fff') {
      han += 1;
      if (COMMON.has(ch)) common += 1;
    }
  }
  return han === 0 ? 0 : common / han;
}

function strictDecode(bytes: Uint8Array, encoding: TableEncoding, stream: boolean): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream });
  } catch {
    return null;
  }
}

/**
 * UTF-16 without a BOM: its NULs give it away (text in the other encodings has none). They are the
 * high bytes of ASCII characters, so nearly all fall on odd offsets (LE) or on even ones (BE).
 * Characters such as 一 (U+4E00) have a NUL low byte too, so "nearly all", not "all".
 */
export function utf16WithoutBom(sample: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  let odd = 0;
  let even = 0;
  for (let i = 0; i < sample.length; i += 1) if (sample[i] === 0) { if (i % 2) odd += 1; else even += 1; }
  if (odd + even < 2) return null;
  if (odd > 4 * even) return 'UTF-16LE';
  if (even > 4 * odd) return 'UTF-16BE';
  return null;
}

/**
 * Guesses the encoding from the first bytes of a file (a prefix: a multi-byte character cut at
 * its end is allowed). Never throws: when nothing decodes cleanly it still answers GB18030 with
 * confidence 0, so the strict decoder then names the failure.
 */
export function detectEncoding(head: Uint8Array): EncodingGuess {
  const bom = bomOf(head);
  if (bom) return bom;
  const utf16 = utf16WithoutBom(head.subarray(0, 65_536));
  if (utf16) return { encoding: utf16, confidence: 60, bomLength: 0 };
  if (strictDecode(head, 'UTF-8', true) !== null) return { encoding: 'UTF-8', confidence: 100, bomLength: 0 };
  // Legacy Chinese encodings: keep those that decode strictly, prefer the one whose text is made of common characters.
  const guesses = chardet.analyse(head);
  const chardetConfidence = (name: string) => guesses.find((g) => g.name.toLowerCase() === name.toLowerCase())?.confidence ?? 0;
  const candidates = (['GB18030', 'Big5'] as const)
    .map((encoding) => ({ encoding, text: strictDecode(head, encoding, true) }))
    .filter((c): c is { encoding: 'GB18030' | 'Big5'; text: string } => c.text !== null)
    .map((c) => ({ encoding: c.encoding, share: commonShare(c.text), hint: c.encoding === 'Big5' ? chardetConfidence('Big5') : chardetConfidence('GB18030') }))
    .sort((a, b) => b.share - a.share || b.hint - a.hint);
  const best = candidates[0];
  if (!best) return { encoding: 'GB18030', confidence: 0, bomLength: 0 };
  const runnerUp = candidates[1]?.share ?? 0;
  const confidence = Math.round(Math.max(10, Math.min(95, 50 + (best.share - runnerUp) * 100)));
  return { encoding: best.encoding, confidence, bomLength: 0 };
}

/**
 * A second guess on bytes from the middle of a file (where strict UTF-8 failed after an ASCII-only
 * start): detection starts after the first line break, so it never begins inside a double-byte
 * character (a GBK/Big5 trail byte is never 0x0A). Null when the bytes still look like UTF-8.
 */
export function detectEncodingFrom(middle: Uint8Array): EncodingGuess | null {
  const lineStart = middle.indexOf(0x0a) + 1;
  const guess = detectEncoding(middle.subarray(lineStart));
  return guess.encoding === 'UTF-8' || guess.encoding.startsWith('UTF-16') ? null : { ...guess, confidence: Math.min(guess.confidence, 50), bomLength: 0 };
}

/**
 * A strict streaming decoder: feed chunks in order, then `end()`. A bad byte throws DecodeError with
 * the (approximate) offset of the chunk it was in. Skips the BOM of the chosen encoding.
 */
export function createStreamDecoder(encoding: TableEncoding): { push(chunk: Uint8Array): string; end(): string } {
  // ignoreBOM: false (the default) drops a leading BOM of the decoder's own encoding.
  const decoder = new TextDecoder(encoding, { fatal: true });
  let offset = 0;
  let lines = 0;
  return {
    push(chunk) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        offset += chunk.length;
        lines += countNewlines(text);
        return text;
      } catch {
        // Located afresh (a character split from the previous chunk is not carried over: the place is for the message only).
        const bad = firstBadByte(chunk, encoding);
        throw new DecodeError(encoding, offset, offset + bad.at, lines + countNewlines(bad.before) + 1);
      }
    },
    end() {
      try {
        return decoder.decode();
      } catch {
        throw new DecodeError(encoding, offset);
      }
    },
  };
}

/** Whole-buffer decoding: the guess (or the user's choice) and the text, or a DecodeError. */
export function decodeBytes(bytes: Uint8Array, chosen?: TableEncoding): { text: string } & EncodingGuess {
  const guess = chosen ? { encoding: chosen, confidence: 100, bomLength: 0 } : detectEncoding(bytes);
  const decoder = createStreamDecoder(guess.encoding);
  const text = decoder.push(bytes) + decoder.end();
  return { ...guess, text };
}
