/**
 * Decodes a dropped .txt report the way Chinese users send them: UTF-8 (with or without BOM),
 * GBK / GB2312 / GB18030, occasionally UTF-16 or Big5. The encoding is chosen by the same detector
 * as an uploaded table's (decode.ts): a byte-order mark, UTF-16's NULs, strict UTF-8 (`fatal: true`:
 * a GBK file never passes as mojibake), then GB18030 or Big5 by the characters the text is made of.
 * Binary files (NUL bytes, PDF, Word, zip) and files too large are refused with a reason naming
 * what was tried. Runs in the report-import worker; pure apart from TextDecoder.
 */
import { bomOf, detectEncoding, utf16WithoutBom, type TableEncoding } from './decode.ts';

/** ~40× the longest report in the corpus; more is not a report (and would tie up the worker). */
export const MAX_REPORT_CHARS = 2_000_000;
/** GB18030 text takes two bytes a character; UTF-8 Chinese three. */
export const MAX_FILE_BYTES = 3 * MAX_REPORT_CHARS;

export type DecodeFailure =
  | { code: 'empty' }
  | { code: 'too-large'; bytes: number; limit: number }
  | { code: 'too-long'; chars: number; limit: number }
  | { code: 'binary'; kind: string }
  | { code: 'undecodable'; tried: string[]; guess: string | null };

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; failure: DecodeFailure };

const SIGNATURES: [string, number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP / DOCX / XLSX', [0x50, 0x4b, 0x03, 0x04]],
  ['DOC / XLS', [0xd0, 0xcf, 0x11, 0xe0]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['RAR', [0x52, 0x61, 0x72, 0x21]],
  ['7Z', [0x37, 0x7a, 0xbc, 0xaf]],
  ['GZIP', [0x1f, 0x8b]],
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((b, i) => bytes[i] === b);

function tryDecode(bytes: Uint8Array, label: TableEncoding): string | null {
  try {
    // The decoder drops a BOM of its own encoding; the text is otherwise as the file has it.
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Control characters other than tab, newline, carriage return and form feed: a text has almost none. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65_536);
  let controls = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f) controls += 1;
  }
  return controls > 0 && controls > sample.length / 200;
}

function done(text: string, label: TableEncoding): DecodeResult {
  if (text.length > MAX_REPORT_CHARS) return { ok: false, failure: { code: 'too-long', chars: text.length, limit: MAX_REPORT_CHARS } };
  if (looksBinary(text)) return { ok: false, failure: { code: 'binary', kind: 'control characters' } };
  if (text.trim() === '') return { ok: false, failure: { code: 'empty' } };
  return { ok: true, text, encoding: label };
}

export function decodeReportBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, failure: { code: 'empty' } };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, failure: { code: 'too-large', bytes: bytes.length, limit: MAX_FILE_BYTES } };
  // A byte-order mark says what the file is; if it does not decode as that, it is not text.
  const bom = bomOf(bytes);
  if (bom) {
    const text = tryDecode(bytes, bom.encoding);
    return text === null ? { ok: false, failure: { code: 'undecodable', tried: [`${bom.encoding} (BOM)`], guess: null } } : done(text, bom.encoding);
  }
  const signature = SIGNATURES.find(([, prefix]) => startsWith(bytes, prefix));
  if (signature) return { ok: false, failure: { code: 'binary', kind: signature[0] } };
  const head = bytes.subarray(0, 262_144);
  if (head.subarray(0, 65_536).includes(0)) {
    // NUL bytes: UTF-16 without a byte-order mark (every ASCII character has one), or binary.
    const label = utf16WithoutBom(head.subarray(0, 65_536));
    const text = label ? tryDecode(bytes, label) : null;
    return text !== null && label ? done(text, label) : { ok: false, failure: { code: 'binary', kind: 'NUL bytes' } };
  }
  const utf8 = tryDecode(bytes, 'UTF-8');
  if (utf8 !== null) return done(utf8, 'UTF-8');
  // Not UTF-8 somewhere: the detector's legacy guess first, then GB18030 (a superset of GBK and GB2312).
  const guess = detectEncoding(head).encoding;
  const labels = [...new Set<TableEncoding>([...(guess === 'Big5' || guess === 'GB18030' ? [guess] : []), 'GB18030'])];
  for (const label of labels) {
    const text = tryDecode(bytes, label);
    if (text !== null) return done(text, label);
  }
  return { ok: false, failure: { code: 'undecodable', tried: ['UTF-8', ...labels], guess } };
}
