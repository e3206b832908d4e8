import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../../src/core/catalog/indicators.ts';
import { describeFlag, flagCode, flagDetail, flagName } from '../../../src/core/catalog/flags.ts';
import { UNIT_WORDS_EN, unitLabel } from '../../../src/core/catalog/units.ts';

const CJK = /[\u3400-\u9fff]/;

describe('unit words', () => {
  it('gives every unit of the catalog an English word without Chinese', () => {
    const units = [...new Set(INDICATORS.map((i) => i.unit))].filter((u) => u !== '%');
    for (const unit of units) {
      expect(UNIT_WORDS_EN[unit], `unit ${unit} has no English word (src/core/catalog/units.ts)`).toBeDefined();
      expect(unitLabel(unit, 'en')).not.toMatch(CJK);
    }
  });

  it('keeps the printed unit in Chinese, says singular for exactly one in English and leaves % alone', () => {
    expect(unitLabel('件', 'zh', 3)).toBe('件');
    expect(unitLabel('件', 'en', 3)).toBe('cases');
    expect(unitLabel('件', 'en', 1)).toBe('case');
    expect(unitLabel('人次', 'en')).toBe('person-visits');
    expect(unitLabel('%', 'en', 5)).toBe('%');
  });
});

describe('quality flags in words', () => {
  const mismatch = 'rate_mismatch: printed 99% but 2850 ÷ 2862 = 99.58%';

  it('names a flag and rewrites its figures in the reader’s language, never showing the code', () => {
    expect(flagCode(mismatch)).toBe('rate_mismatch');
    expect(flagName(mismatch, 'zh')).toBe('原文比率与其计数不一致');
    expect(flagDetail(mismatch, 'zh')).toBe('原文为 99%,而 2850 ÷ 2862 = 99.58%');
    expect(flagDetail(mismatch, 'en')).toBe('printed 99% but 2850 ÷ 2862 = 99.58%');
    expect(describeFlag(mismatch, 'zh')).not.toMatch(/rate_mismatch|printed/);
  });

  it('calls an unknown code an "other quality flag" and drops an English detail from the Chinese page', () => {
    expect(flagName('new_check: something odd', 'zh')).toBe('其他质量标记');
    expect(describeFlag('new_check: something odd', 'zh')).toBe('其他质量标记');
    expect(describeFlag('new_check: something odd', 'en')).toBe('other quality flag: something odd');
    expect(describeFlag('year_to_date: the text counts "so far this year" without a cut-off date', 'zh')).toBe('“今年以来”,截止日期不明');
  });
});
