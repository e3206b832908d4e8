import { describe, expect, it } from 'vitest';
import { joinSentences, sentenceGap } from '../../../src/core/text/join-sentences.ts';

describe('joinSentences', () => {
  it('sets Chinese sentences side by side and spaces English ones, dropping the parts left out', () => {
    expect(joinSentences('zh', ['各地区取最近的全年数字。', '只列出有数字的年份。', '', null, false, undefined])).toBe('各地区取最近的全年数字。只列出有数字的年份。');
    expect(joinSentences('en', ['Nearest whole year.', '', 'Only years with figures.'])).toBe('Nearest whole year. Only years with figures.');
    expect(joinSentences('zh', [])).toBe('');
  });
  it('gives JSX the same gap between a sentence and the link or button after it', () => {
    expect(`以下为原文照录(未改动)。${sentenceGap('zh')}显示简体`).toBe('以下为原文照录(未改动)。显示简体');
    expect(`Shown verbatim, as published.${sentenceGap('en')}Show simplified`).toBe('Shown verbatim, as published. Show simplified');
  });
});
