import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createStreamDecoder, DecodeError, decodeBytes, detectEncoding, detectEncodingFrom } from '../../../src/core/user-data/decode.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/user-data/${name}`, import.meta.url)));
const TEXT = '地区,年份,调解成功率(%)\n广灵县,2021,98.5\n灵丘县,2022,97.8\n';

describe('decoding an uploaded table', () => {
  it('reads UTF-8 without and with a BOM, dropping the BOM', () => {
    const plain = new TextEncoder().encode(TEXT);
    expect(decodeBytes(plain)).toMatchObject({ encoding: 'UTF-8', text: TEXT, bomLength: 0 });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    const decoded = decodeBytes(withBom);
    expect(decoded.encoding).toBe('UTF-8');
    expect(decoded.bomLength).toBe(3);
    expect(decoded.text).toBe(TEXT);
  });

  it('detects GBK bytes (the GBK fixture written by python) as GB18030 and decodes the Chinese right', () => {
    const bytes = fixture('guangling-wide-gbk.csv');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('GB18030');
    expect(decoded.text.split('\r\n')[0]).toBe('地区,年份,调解成功率(%),12345热线满意率(%),行政复议收案数');
    expect(decoded.text).toContain('广灵县,2021,98.5');
  });

  it('tells Big5 from GB18030 by the characters the text is made of', () => {
    // 地區,年份 / 中國,2021 in Big5 (bytes checked by decoding them below).
    const big5 = new Uint8Array([0xa6, 0x61, 0xb0, 0xcf, 0x2c, 0xa6, 0x7e, 0xa5, 0xf7, 0x0a, 0xa4, 0xa4, 0xb0, 0xea, 0x2c, 0x32, 0x30, 0x32, 0x31, 0x0a]);
    expect(new TextDecoder('big5').decode(big5)).toBe('地區,年份\n中國,2021\n');
    expect(detectEncoding(big5).encoding).toBe('Big5');
  });

  it('reads UTF-16 with a BOM', () => {
    const body = [...TEXT].flatMap((ch) => { const c = ch.charCodeAt(0); return [c & 0xff, c >> 8]; });
    const decoded = decodeBytes(new Uint8Array([0xff, 0xfe, ...body]));
    expect(decoded.encoding).toBe('UTF-16LE');
    expect(decoded.text).toBe(TEXT);
  });

  it('names the encoding that failed when the user forces the wrong one', () => {
    const bytes = fixture('guangling-wide-gbk.csv');
    let error: unknown;
    try { decodeBytes(bytes, 'UTF-8'); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as DecodeError).encoding).toBe('UTF-8');
    expect((error as DecodeError).message).toContain('UTF-8');
  });

  it('decodes a stream whose chunks split a multi-byte character', () => {
    const bytes = new TextEncoder().encode(TEXT);
    const decoder = createStreamDecoder('UTF-8');
    let text = '';
    for (let i = 0; i < bytes.length; i += 5) text += decoder.push(bytes.subarray(i, i + 5));
    text += decoder.end();
    expect(text).toBe(TEXT);
    const gbk = fixture('guangling-wide-gbk.csv');
    const gb = createStreamDecoder('GB18030');
    let gbText = '';
    for (let i = 0; i < gbk.length; i += 7) gbText += gb.push(gbk.subarray(i, i + 7));
    expect(gbText + gb.end()).toBe(decodeBytes(gbk).text);
  });

  it('guesses again from the middle of a file whose first 64 KB are ASCII and whose GBK text comes later', () => {
    const ascii = new TextEncoder().encode('region,year,value\n' + '140223,2021,98.5\n'.repeat(5000));
    const gbk = fixture('guangling-wide-gbk.csv');
    const bytes = new Uint8Array([...ascii, ...gbk]);
    expect(detectEncoding(bytes.subarray(0, 64 * 1024)).encoding).toBe('UTF-8');
    let failedAt = -1;
    const decoder = createStreamDecoder('UTF-8');
    try { for (let i = 0; i < bytes.length; i += 32 * 1024) decoder.push(bytes.subarray(i, i + 32 * 1024)); decoder.end(); } catch (e) { failedAt = (e as DecodeError).byteOffset!; }
    expect(failedAt).toBeGreaterThan(0);
    // Start the second guess one byte into a double-byte character: the line alignment recovers.
    const second = detectEncodingFrom(bytes.subarray(ascii.length + 1));
    expect(second?.encoding).toBe('GB18030');
    expect(detectEncodingFrom(ascii)).toBeNull();
  });
});
