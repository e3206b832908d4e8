import { formatValue, type Lang } from '../../charts/format-value.ts';
import type { Change } from '../../db/queries/compare.ts';

/**
 * A change as the page states it: a rate in percentage points ("+2.3 个百分点"), anything else in
 * its unit with the relative change ("+234 件 (+23.4%)").
 */
export function formatChange(change: Change, unit: string, lang: Lang, percentPoints: string): string {
  const sign = change.delta > 0 ? '+' : change.delta < 0 ? '−' : '±';
  const size = Math.abs(change.delta);
  if (unit === '%') return `${sign}${formatValue(size, '', lang)} ${percentPoints}`;
  const relative = change.relative === null || change.delta === 0 ? '' : ` (${sign}${formatValue(Math.abs(change.relative), '%', lang)})`;
  return `${sign}${formatValue(size, unit, lang)}${relative}`;
}
