import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeReportBytes, MAX_FILE_BYTES, MAX_REPORT_CHARS } from '../../../src/core/user-data/decode-report-bytes.ts';
import { REPORTS_DIR } from '../corpus.ts';

const text = readFileSync(join(REPORTS_DIR, 'guangling-2024.txt'), 'utf8');
const utf8 = new TextEncoder().encode(text);

/** GB18030 bytes of a text, via the platform's decoder table (Node has no GB encoder): one char at a time. */
function gb18030(source: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of source) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(char);
      if (!pair) throw new Error(`no two-byte GB18030 code for ${char}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

describe('decoding a dropped report', () => {
  it('reads UTF-8, UTF-8 with BOM (BOM dropped) and GBK/GB18030', () => {
    expect(decodeReportBytes(utf8)).toEqual({ ok: true, text, encoding: 'UTF-8' });
    expect(decodeReportBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ ok: true, text, encoding: 'UTF-8' });
    const sample = text.split('\n').slice(12, 20).join('\n').replace(/[^\n\u0020-\u007e\u4e00-\u9fa5,。、:;“”()《》]/g, '');
    expect(decodeReportBytes(gb18030(sample))).toEqual({ ok: true, text: sample, encoding: 'GB18030' });
  });

  it('reads UTF-16 with or without a byte-order mark', () => {
    const sample = text.slice(0, 2000);
    expect(decodeReportBytes(new Uint8Array([0xff, 0xfe, ...Buffer.from(sample, 'utf16le')]))).toEqual({ ok: true, text: sample, encoding: 'UTF-16LE' });
    expect(decodeReportBytes(new Uint8Array(Buffer.from(sample, 'utf16le')))).toEqual({ ok: true, text: sample, encoding: 'UTF-16LE' });
  });

  it('refuses binary files and names what they look like', () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n...');
    expect(decodeReportBytes(pdf)).toEqual({ ok: false, failure: { code: 'binary', kind: 'PDF' } });
    expect(decodeReportBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatchObject({ ok: false, failure: { kind: 'ZIP / DOCX / XLSX' } });
    const random = new Uint8Array(4096).map((_, i) => (i * 2654435761) % 251);
    expect(decodeReportBytes(random)).toMatchObject({ ok: false, failure: { code: 'binary' } });
  });

  it('names the encodings it tried when none fits', () => {
    const bad = new Uint8Array([0xe5, 0xb9, 0xbf, 0x80, 0xff, 0x41, 0x80, 0x80]);
    const result = decodeReportBytes(bad);
    expect(result.ok).toBe(false);
    if (!result.ok && result.failure.code === 'undecodable') expect(result.failure.tried).toEqual(expect.arrayContaining(['UTF-8', 'GB18030']));
    else throw new Error(`expected undecodable, got ${JSON.stringify(result)}`);
  });

  it('refuses empty and oversized input before decoding it', () => {
    expect(decodeReportBytes(new Uint8Array())).toEqual({ ok: false, failure: { code: 'empty' } });
    expect(decodeReportBytes(new TextEncoder().encode(' \n\n '))).toEqual({ ok: false, failure: { code: 'empty' } });
    expect(decodeReportBytes(new Uint8Array(MAX_FILE_BYTES + 1))).toMatchObject({ ok: false, failure: { code: 'too-large' } });
    expect(decodeReportBytes(new TextEncoder().encode('a'.repeat(MAX_REPORT_CHARS + 1)))).toMatchObject({ ok: false, failure: { code: 'too-long' } });
  });
});
