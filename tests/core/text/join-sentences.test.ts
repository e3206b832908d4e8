import { describe, expect, it } from 'vitest';
import { joinSentences } from '../../../src/core/text/join-sentences.ts';

describe('joinSentences', () => {
  it('sets Chinese sentences side by side and spaces English ones, dropping the parts left out', () => {
    expect(joinSentences('zh', ['各地区取最近的全年数字。', '只列出有数字的年份。', '', null, false, undefined])).toBe('各地区取最近的全年数字。只列出有数字的年份。');
    expect(joinSentences('en', ['Nearest whole year.', '', 'Only years with figures.'])).toBe('Nearest whole year. Only years with figures.');
    expect(joinSentences('zh', [])).toBe('');
  });
});
