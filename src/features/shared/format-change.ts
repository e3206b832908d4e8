import { RELATIVE_DECIMALS, decimalsOf, formatValue, type Lang } from '../../charts/format-value.ts';

export { relativeDecimals } from '../../charts/format-value.ts';
import type { Change } from '../../db/queries/compare.ts';

/**
 * A change as the page states it: a rate in percentage points ("+2.3 个百分点"), anything else in
 * its unit with the relative change ("+234 件 (+23.4%)"). Computed values keep the printed precision:
 * the difference has as many decimals as the more precise of the two figures, the relative change one.
 */
export function formatChange(change: Change, unit: string, lang: Lang, percentPoints: string, relativeDigits = RELATIVE_DECIMALS): string {
  const sign = change.delta > 0 ? '+' : change.delta < 0 ? '−' : '±';
  const size = Math.abs(change.delta);
  const decimals = Math.max(decimalsOf(change.from), decimalsOf(change.to));
  if (unit === '%') return `${sign}${formatValue(size, '', lang, decimals)} ${percentPoints}`;
  const relative = change.relative === null || change.delta === 0 ? '' : ` (${sign}${formatValue(Math.abs(change.relative), '%', lang, relativeDigits)})`;
  return `${sign}${formatValue(size, unit, lang, decimals)}${relative}`;
}
