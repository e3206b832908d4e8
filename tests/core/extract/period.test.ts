import { describe, expect, it } from 'vitest';
import { periodYear, readPeriod, shiftPeriod } from '../../../src/core/extract/period.ts';

describe('readPeriod', () => {
  it.each([
    ['1至8月', 2021, '2021-01/2021-08'],
    ['1-8月', 2021, '2021-01/2021-08'],
    ['1—8月份', 2021, '2021-01/2021-08'],
    ['截至11月30日', 2023, '2023-01-01/2023-11-30'],
    ['截至2022年11月底', 2023, '2022-01/2022-11'],
    ['第三季度', 2024, '2024-Q3'],
    ['第四季度', 2024, '2024-Q4'],
    ['一季度', 2024, '2024-Q1'],
    ['2024年第3季度', 2020, '2024-Q3'],
    ['上半年', 2024, '2024-01/2024-06'],
    ['2023年上半年', 2024, '2023-01/2023-06'],
    ['4月份', 2024, '2024-04'],
    ['12月', 2024, '2024-12'],
    ['前三季度', 2024, '2024-01/2024-09'],
    ['4月8日至4月14日', 2016, '2016-04-08/2016-04-14'],
  ])('%s (report year %d) → %s', (text, year, period) => {
    expect(readPeriod(text, year)).toBe(period);
  });

  it.each([
    ['4月8日', 2024],
    ['2023年4月8日', 2024],
    ['全年', 2024],
    ['13月', 2024],
    ['12至1月', 2024],
    ['截至12月31日', 2023], // the whole year, not a part of it
    ['截至目前', 2024],
    ['2024年', 2024],
    ['', 2024],
  ])('%s names no part of the year', (text, year) => {
    expect(readPeriod(text, year)).toBeNull();
  });

  it('a date inside a longer sentence stays a date', () => {
    expect(readPeriod('4月8日，县政府召开常务会议，全年共受理', 2024)).toBeNull();
  });

  it('the period named last (nearest the figure) wins', () => {
    expect(readPeriod('1至8月受理复议案件12件，9月', 2021)).toBe('2021-09');
    expect(readPeriod('上半年受理5件，第三季度', 2024)).toBe('2024-Q3');
  });

  it('前三季度 is read as the first three quarters, not as the third quarter', () => {
    expect(readPeriod('前三季度共办理', 2024)).toBe('2024-01/2024-09');
  });

  it('is not confused by being called repeatedly (global patterns reset)', () => {
    for (let i = 0; i < 3; i += 1) expect(readPeriod('第三季度', 2024)).toBe('2024-Q3');
  });

  it('下半年 is the second half: 2024-07/2024-12', () => {
    expect(readPeriod('下半年', 2024)).toBe('2024-07/2024-12');
  });

  it('前两季度 is the first half: 2024-01/2024-06', () => {
    expect(readPeriod('前两季度', 2024)).toBe('2024-01/2024-06');
  });
});

describe('shiftPeriod', () => {
  it.each([
    ['year', -1, 'year'],
    ['2019-04', -1, '2018-04'],
    ['2024-Q3', -1, '2023-Q3'],
    ['2021-01/2021-08', -1, '2020-01/2020-08'],
    ['2023-01-01/2023-11-30', 2, '2025-01-01/2025-11-30'],
    ['2016-04-08/2016-04-14', 0, '2016-04-08/2016-04-14'],
  ])('%s shifted by %d → %s', (period, years, shifted) => {
    expect(shiftPeriod(period, years)).toBe(shifted);
  });
});

describe('periodYear', () => {
  it('is the first year of a period, null for year', () => {
    expect(periodYear('2021-01/2021-08')).toBe(2021);
    expect(periodYear('2024-Q3')).toBe(2024);
    expect(periodYear('year')).toBeNull();
  });
});
