import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatMapped, deleteWithin, identityMapped, rewrite, sliceMapped, toBodySpan } from '../../../src/core/text/mapped-text.ts';

describe('mapped text', () => {
  it('identityMapped maps each character to itself, from an offset', () => {
    expect(Array.from(identityMapped('abc').origin)).toEqual([0, 1, 2]);
    expect(Array.from(identityMapped('abc', 10).origin)).toEqual([10, 11, 12]);
  });

  it('rewrite keeps the map for same-length replacements and returns the input when nothing changes', () => {
    const input = identityMapped('a1b2c3');
    const out = rewrite(input, /\d/g, ([d]) => String(9 - Number(d)));
    expect(out.text).toBe('a8b7c6');
    expect(Array.from(out.origin)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rewrite(input, /x/g, () => 'y')).toBe(input);
    expect(rewrite(input, /\d/g, ([d]) => d!)).toBe(input);
  });

  it('rewrite maps a shorter replacement onto the characters it keeps', () => {
    const out = rewrite(identityMapped('ab---cd'), /-+/g, () => '-');
    expect(out.text).toBe('ab-cd');
    expect(Array.from(out.origin)).toEqual([0, 1, 2, 5, 6]);
  });

  it('deleteWithin drops exactly the characters not kept', () => {
    const out = deleteWithin(identityMapped('1,234,567'), /,/g, () => [false]);
    expect(out.text).toBe('1234567');
    expect(Array.from(out.origin)).toEqual([0, 2, 3, 4, 6, 7, 8]);
  });

  it('both need a global pattern', () => {
    expect(() => rewrite(identityMapped('a'), /a/, () => 'b')).toThrow(/global/);
    expect(() => deleteWithin(identityMapped('a'), /a/, () => [])).toThrow(/global/);
  });

  it('survive patterns that match the empty string', () => {
    expect(rewrite(identityMapped('abc'), /x*/g, () => 'y').text).toBe('abc');
    expect(deleteWithin(identityMapped('abc'), /x*/g, () => []).text).toBe('abc');
  });

  it('toBodySpan maps a range back and refuses an empty one', () => {
    const out = deleteWithin(identityMapped('10,544件'), /,/g, () => [false]);
    expect(toBodySpan(out, 0, 6)).toEqual([0, 7]);
    expect(() => toBodySpan(out, 2, 2)).toThrow(/empty/);
  });

  it('sliceMapped keeps origins', () => {
    const slice = sliceMapped(identityMapped('abcdef', 100), 2, 4);
    expect(slice.text).toBe('cd');
    expect(Array.from(slice.origin)).toEqual([102, 103]);
  });

  it('deleteWithin keeps the map strictly increasing for any deletion mask', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), fc.func(fc.boolean()), (text, keepChar) => {
      const out = deleteWithin(identityMapped(text), /[\s\S]+/g, (m) => Array.from(m[0], (c, i) => keepChar(c, i)));
      expect(out.origin.length).toBe(out.text.length);
      for (let i = 0; i < out.text.length; i += 1) {
        expect(out.text[i]).toBe(text[out.origin[i]!]);
        if (i > 0) expect(out.origin[i]).toBeGreaterThan(out.origin[i - 1]!);
      }
    }), { numRuns: 500 });
  });
});

describe('concatMapped', () => {
  it('joins pieces, mapping an inserted string to the offset before it (or the fallback)', () => {
    const a = sliceMapped(identityMapped('行政复议受理数(件) | 35', 0), 0, 7);
    const b = sliceMapped(identityMapped('行政复议受理数(件) | 35', 0), 13, 15);
    const joined = concatMapped(['#', a, b, '件', '。'], 99);
    expect(joined.text).toBe('#行政复议受理数35件。');
    expect(Array.from(joined.origin)).toEqual([99, 0, 1, 2, 3, 4, 5, 6, 13, 14, 14, 14]);
    expect(concatMapped([], 5)).toEqual({ text: '', origin: new Int32Array(0) });
  });
});
