import { describe, expect, it } from 'vitest';
import type { IndicatorCoverage } from '../../src/db/queries/indicators.ts';
import type { Place } from '../../src/db/queries/peers.ts';
import { changeBetween } from '../../src/db/queries/compare.ts';
import { formatChange, relativeDecimals } from '../../src/features/shared/format-change.ts';
import { resolveFocus, resolveFrom, resolveIndicator, resolveYear } from '../../src/features/shared/resolve.ts';

const indicator = (indicator_id: string, n_values: number): IndicatorCoverage => ({
  indicator_id, name_zh: indicator_id, name_en: indicator_id, unit: '', category: '', category_zh: '', category_en: '',
  definition_zh: '', definition_en: '', higher_is_better: null, n_regions: n_values, n_years: 1, n_region_years: n_values, n_values, n_qualitative: 0,
});
const place = (region_code: string): Place => ({
  region_code, region_name: region_code, name_pinyin: '', pinyin_full: '', pinyin_initials: '', level: '', level_zh: '',
  prefecture_code: '', prefecture_name: '', province_code: '', province_name: '',
});

describe('defaults when the URL says nothing', () => {
  const catalog = [indicator('a', 0), indicator('b', 5), indicator('hotline.satisfaction_rate', 3)];
  it('takes the wanted indicator if it has figures, else the satisfaction rate, else the most reported', () => {
    const latest = [{ indicator_id: 'b', year: 2024, n_places: 5 }, { indicator_id: 'hotline.satisfaction_rate', year: 2025, n_places: 2 }];
    expect(resolveIndicator(catalog, latest, 'b')).toBe('b');
    expect(resolveIndicator(catalog, latest, 'a')).toBe('hotline.satisfaction_rate');
    expect(resolveIndicator(catalog, latest, null)).toBe('hotline.satisfaction_rate');
    expect(resolveIndicator(catalog, latest.slice(0, 1), null)).toBe('b');
    // Before the latest coverage is known: the wanted indicator if it has figures, else "not yet" (undefined).
    expect(resolveIndicator(catalog, undefined, 'b')).toBe('b');
    expect(resolveIndicator(catalog, undefined, 'a')).toBeUndefined();
    expect(resolveIndicator(catalog, undefined, null)).toBeUndefined();
  });

  it('takes the wanted place, else 灵丘县 (140224), else the first', () => {
    const places = [place('110105'), place('140224')];
    expect(resolveFocus(places, '110105')?.region_code).toBe('110105');
    expect(resolveFocus(places, '999999')?.region_code).toBe('140224');
    expect(resolveFocus([place('1')], null)?.region_code).toBe('1');
  });

  it('takes the latest year with whole-year figures, and the latest earlier one for the two-year view', () => {
    const years = [{ year: 2025, n_whole: 0, n_part_only: 2, focus_whole: false }, { year: 2024, n_whole: 3, n_part_only: 0, focus_whole: false }, { year: 2022, n_whole: 1, n_part_only: 0, focus_whole: false }];
    expect(resolveYear(years, null)).toBe(2024);
    expect(resolveYear(years, 2025)).toBe(2025); // asked for: shown, with its part-year places counted
    expect(resolveYear(years, 2019)).toBe(2024);
    expect(resolveYear([], null)).toBeNull();
    expect(resolveFrom(years, 2024, null)).toBe(2022);
    expect(resolveFrom(years, 2024, 2025)).toBe(2022);
    expect(resolveFrom(years, 2022, null)).toBeNull();
  });

  it("opens on the focal place's latest whole-year figure, so its leader sees it ranked", () => {
    const years = [
      { year: 2025, n_whole: 4, n_part_only: 0, focus_whole: false },
      { year: 2023, n_whole: 2, n_part_only: 0, focus_whole: true },
      { year: 2021, n_whole: 2, n_part_only: 0, focus_whole: true },
    ];
    expect(resolveYear(years, null)).toBe(2023);
    expect(resolveYear(years, 2025)).toBe(2025);
  });
});

describe('formatChange', () => {
  it('gives rates in percentage points and counts with their relative change', () => {
    expect(formatChange(changeBetween(84.8, 90), '%', 'zh', '个百分点')).toBe('+5.2 个百分点');
    expect(formatChange(changeBetween(1113, 1696), '件', 'zh', '个百分点')).toBe('+583 件 (+52.4%)');
    expect(formatChange(changeBetween(98.4, 99), '%', 'zh', '个百分点')).toBe('+0.6 个百分点'); // not 0.6000000000000085
    expect(formatChange(changeBetween(90, 95.55), '%', 'en', 'pp')).toBe('+5.55 pp');
  });

  it('keeps the precision of the change a derived figure was worked back from', () => {
    const worked = (derivation: string) => ({ value_kind: 'derived', derivation });
    expect(relativeDecimals(worked('1696 ÷ (1 + 52%)'), { value_kind: 'reported' })).toBe(0);
    expect(relativeDecimals({ value_kind: 'reported' }, worked('8745 ÷ (1 + 75.7%)'))).toBe(1);
    expect(relativeDecimals(worked('3362 ÷ (1 − 3.9%)'))).toBe(1);
    expect(relativeDecimals(worked('32 ÷ 145 × 100'), undefined)).toBe(1);
    // 通州区 2023 was worked back from "增长52%": the change shown is 52%, not 52.4% or 51.97%.
    expect(formatChange(changeBetween(1116, 1696), '件', 'zh', '个百分点', relativeDecimals(worked('1696 ÷ (1 + 52%)')))).toBe('+580 件 (+52%)');
    expect(formatChange(changeBetween(10, 5), '件', 'en', 'pp')).toBe('−5 cases (−50%)');
    expect(formatChange(changeBetween(0, 5), '件', 'en', 'pp')).toBe('+5 cases');
    expect(formatChange(changeBetween(5, 5), '件', 'en', 'pp')).toBe('±0 cases');
  });
});
