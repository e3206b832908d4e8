import { describe, expect, it } from 'vitest';
import { EXPORT_MESSAGES } from '../../src/features/i18n/views/export.ts';

describe("export titles name only the years that hold whole-year figures", () => {
  it('says so when every figure drawn is part-year', () => {
    expect(EXPORT_MESSAGES.zh.exportTrendTitle('12345热线满意率', 2019, 2025)).toBe('12345热线满意率,2019–2025年');
    expect(EXPORT_MESSAGES.zh.exportTrendTitle('12345热线满意率', null, null)).toBe('12345热线满意率,无全年数字(仅部分年度)');
    expect(EXPORT_MESSAGES.en.exportTrendTitle('Hotline satisfaction', 2025, 2025)).toBe('Hotline satisfaction, 2025');
    expect(EXPORT_MESSAGES.en.exportTrendTitle('Hotline satisfaction', null, null)).toBe('Hotline satisfaction, no whole-year figures (part-year only)');
  });
});
