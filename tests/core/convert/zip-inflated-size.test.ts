/**
 * The real unpacked size of a ZIP, counted by inflating in steps and stopping past a limit: a crafted
 * bomb that declares a few bytes is caught before the DOCX reader would unpack it in full.
 */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readZipDirectory } from '../../../src/core/convert/zip-directory.ts';
import { inflatedBytesWithin } from '../../../src/core/convert/zip-inflated-size.ts';
import { buildZip } from './zip-builder.ts';

const MB = 1024 * 1024;
const zeros = (n: number) => new Uint8Array(deflateRawSync(Buffer.alloc(n), { level: 9 }));

describe('the unpacked size of a ZIP, counted', () => {
  it('counts stored and deflated entries as they really unpack, whatever they declare', () => {
    const zip = buildZip([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
      { name: 'word/document.xml', data: zeros(3 * MB), method: 8, declaredBytes: 4096 },
    ]);
    const entries = readZipDirectory(zip)!;
    expect(entries.map((e) => [e.name, e.method, e.uncompressedBytes])).toEqual([['[Content_Types].xml', 0, 8], ['word/document.xml', 8, 4096]]);
    expect(inflatedBytesWithin(zip, entries, 10 * MB)).toBe(8 + 3 * MB);
  });

  it('stops once the count passes the limit, however little the entries declare', () => {
    const zip = buildZip([{ name: 'word/document.xml', data: zeros(40 * MB), method: 8, declaredBytes: 4 }]);
    expect(inflatedBytesWithin(zip, readZipDirectory(zip)!, 8 * MB)).toBeNull();
  });

  it('leaves a damaged stream to the reader, which names the damage, and counts the rest', () => {
    const zip = buildZip([
      { name: 'a.xml', data: new Uint8Array([0xff, 0xff, 0xff, 0xff]), method: 8, declaredBytes: 10 },
      { name: 'b.xml', data: new TextEncoder().encode('12345') },
    ]);
    expect(inflatedBytesWithin(zip, readZipDirectory(zip)!, MB)).toBe(5);
  });
});
