import { describe, expect, it } from 'vitest';
import { readable, readsDifferently } from '../../../src/core/text/readable.ts';

describe('readable', () => {
  it('removes pinyin glosses and simplifies a copy of a report', () => {
    expect(readable('市12345熱線平臺(tái)共受理各類訴求9.67萬(wàn)件')).toBe('市12345热线平台共受理各类诉求9.67万件');
  });

  it('leaves numbers, full-width punctuation and spaces as printed', () => {
    expect(readable('办结率 100%,共１２件;')).toBe('办结率 100%,共１２件;');
  });

  it('keeps a bracketed Latin word that is not a gloss', () => {
    expect(readable('热线(12345)与APP(iOS)')).toBe('热线(12345)与APP(iOS)');
  });

  it('says when the reading differs from the verbatim text', () => {
    expect(readsDifferently('報(bào)告')).toBe(true);
    expect(readsDifferently('报告')).toBe(false);
  });
});
