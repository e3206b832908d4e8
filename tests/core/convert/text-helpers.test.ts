import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex, textSha256 } from '../../../src/core/convert/sha256.ts';
import { normalise } from '../../../src/core/text/normalise.ts';
import { radicalsToIdeographs } from '../../../src/core/text/radicals.ts';

describe('sha256', () => {
  it('equals Node crypto for any bytes, every padding length included', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => sha256Hex(bytes) === createHash('sha256').update(bytes).digest('hex')));
  });

  it('hashes a text as its UTF-8 bytes', () => {
    expect(textSha256('人民调解')).toBe(createHash('sha256').update('人民调解', 'utf8').digest('hex'));
  });
});

describe('radical characters from PDF text layers', () => {
  it('maps Kangxi radicals and radical-supplement forms to the ideographs', () => {
    // ⼈ U+2F08, ⺠ U+2EA0, ⼯ U+2F2F, ⻓ U+2ED3, ⽉ U+2F49, ⻔ U+2ED4
    expect(radicalsToIdeographs('\u2f08\u2ea0调解\u2f2f作\u2ed3期\u2f49\u2ed4')).toBe('人民调解工作长期月门');
  });

  it('lets the extractor see 人民调解 in a radical-encoded body, every offset kept', () => {
    const body = '\u2f08\u2ea0调解组织调解矛盾纠纷35件';
    const mapped = normalise(body);
    expect(mapped.text).toBe('人民调解组织调解矛盾纠纷35件');
    expect(mapped.text.length).toBe(body.length);
  });
});
