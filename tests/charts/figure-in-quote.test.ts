import { describe, expect, it } from 'vitest';
import { splitQuote } from '../../src/charts/figure-in-quote.ts';
import { quoteHtml } from '../../src/charts/trend-tooltip.ts';
import { formatPeriod, formatValue } from '../../src/charts/format-value.ts';

const marked = (quote: string, values: number[]) => splitQuote(quote, values).filter((p) => p.figure).map((p) => p.text);

describe('splitQuote', () => {
  it('finds the printed number of a value', () => {
    expect(marked('2024年调解成功率98.5%,高于2023年。', [98.5])).toEqual(['98.5']);
    expect(marked('共调解纠纷1,234件', [1234])).toEqual(['1,234']);
    expect(marked('受理诉求1.2万件', [12000])).toEqual(['1.2万']);
    expect(marked('审查规范性文件五件', [5])).toEqual(['五']);
    expect(marked('成功率达百分之九十五', [95])).toEqual(['百分之九十五']);
  });

  it('marks each input of a derived value once and keeps the text whole', () => {
    const parts = splitQuote('调解纠纷100件,成功93件,其中100件当场调结。', [93, 100]);
    expect(parts.map((p) => p.text).join('')).toBe('调解纠纷100件,成功93件,其中100件当场调结。');
    expect(parts.filter((p) => p.figure).map((p) => p.text)).toEqual(['100', '93']);
  });

  it('marks nothing when the value is not printed', () => {
    expect(splitQuote('同比下降5个百分点', [93])).toEqual([{ text: '同比下降5个百分点', figure: false }]);
  });
});

describe('quoteHtml', () => {
  it('shortens a long quote around the figure', () => {
    const long = `${'甲'.repeat(100)}成功率97.2%${'乙'.repeat(100)}`;
    const html = quoteHtml(long, 97.2);
    expect(html).toContain('<b>97.2</b>');
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
  });
});

describe('formatValue', () => {
  it('writes percent without a space and counts with their unit', () => {
    expect(formatValue(98.5, '%', 'zh')).toBe('98.5%');
    expect(formatValue(10544, '件', 'en')).toBe('10,544 cases');
    expect(formatValue(1, '人次', 'en')).toBe('1 person-visit');
    expect(formatValue(10544, '件', 'zh')).toBe('10,544 件');
    expect(formatValue(null, '件', 'zh')).toBe('—');
  });
});

describe('formatPeriod', () => {
  it('says periods the way readers do', () => {
    expect(formatPeriod('year', 'zh')).toBe('全年');
    expect(formatPeriod('2022-06', 'zh')).toBe('2022年6月');
    expect(formatPeriod('2025-Q1', 'zh')).toBe('2025年第1季度');
    expect(formatPeriod('2022-01/2022-06', 'zh')).toBe('2022年1月至2022年6月');
    expect(formatPeriod('2016-03-04/2016-03-10', 'en')).toBe('4 Mar 2016 – 10 Mar 2016');
    expect(formatPeriod('2024-Q3', 'en')).toBe('Q3 2024');
    expect(formatPeriod('odd', 'en')).toBe('odd');
  });
});
