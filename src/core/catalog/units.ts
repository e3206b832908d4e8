/**
 * The catalog's units in words: Chinese pages print the unit as the reports do (件, 人次); English
 * pages say what is counted (cases, person-visits). One table, so every view, chart and export agrees.
 * The dataset keeps the Chinese unit (CSV `unit` column): these are display words only.
 */
import type { Lang } from '../lang.ts';

interface UnitWords { one: string; other: string }

/** Every unit the indicator catalog uses (tests/core/catalog/units.test.ts checks none is missing). */
export const UNIT_WORDS_EN: Readonly<Record<string, UnitWords>> = {
  件: { one: 'case', other: 'cases' },
  人次: { one: 'person-visit', other: 'person-visits' },
  批次: { one: 'group visit', other: 'group visits' },
  项: { one: 'item', other: 'items' },
  条: { one: 'item', other: 'items' },
  场次: { one: 'event', other: 'events' },
  人: { one: 'person', other: 'people' },
  个: { one: 'certificate', other: 'certificates' },
  卷: { one: 'case file', other: 'case files' },
};

/**
 * A unit as the page shows it: as printed in Chinese; in English its word, singular for exactly 1
 * (`value` omitted: the plural, as in an axis name). '%' and '' stay as they are; a unit the table
 * lacks (a future catalog entry) is shown as printed rather than guessed.
 */
export function unitLabel(unit: string, lang: Lang, value?: number | null): string {
  if (lang === 'zh' || unit === '%' || unit === '') return unit;
  const words = UNIT_WORDS_EN[unit];
  if (!words) return unit;
  return value === 1 ? words.one : words.other;
}
