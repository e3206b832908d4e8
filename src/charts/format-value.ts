import { unitLabel } from '../core/catalog/units.ts';
import type { Lang } from '../core/lang.ts';

export type { Lang };

const formats = new Map<string, Intl.NumberFormat>();

/** Decimals a printed number shows: 98.4 → 1, 2862 → 0 (at most 2: the pipeline keeps two). */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(2, (/\.(\d+)$/.exec(String(Math.round(value * 100) / 100))?.[1] ?? '').length);
}

/**
 * A value with its unit as the page shows it: 98.5%, 10,544 件 (English: 10,544 cases, src/core/catalog/units.ts). `decimals` caps the fraction digits
 * (a computed value keeps the precision of the printed ones it comes from; default 2).
 */
export function formatValue(value: number | null, unit: string, lang: Lang, decimals = 2): string {
  if (value === null) return '—';
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const key = `${locale}/${decimals}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: decimals })));
  const number = format.format(value);
  if (unit === '%') return `${number}%`;
  return unit ? `${number} ${unitLabel(unit, lang, value)}` : number;
}

/** Reports print a relative change to a tenth of a percent (同比增长 75.7%): a computed one says no more. */
export const RELATIVE_DECIMALS = 1;

/** A prior-year figure worked back from a printed change: "8745 ÷ (1 + 75.7%)" → the printed 75.7 (its decimals). */
const FROM_PRINTED_CHANGE = /÷\s*\(1\s*[+−-]\s*(\d+(?:\.(\d+))?)%\)/;

/**
 * Decimals of a relative change between two figures: when one was worked back from the change the
 * report prints ("同比增长75.7%", "增长52%"), that change's own precision; else one decimal.
 */
export function relativeDecimals(...figures: readonly ({ derivation?: string; value_kind?: string } | undefined)[]): number {
  for (const f of figures) {
    const printed = f?.value_kind === 'derived' && f.derivation ? FROM_PRINTED_CHANGE.exec(f.derivation) : null;
    if (printed) return printed[2]?.length ?? 0;
  }
  return RELATIVE_DECIMALS;
}

/** A computed number rounded to `decimals` (for CSV cells: no 0.6000000000000085). */
export const roundTo = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function formatPoint(part: string, lang: Lang): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(part);
  if (quarter) return lang === 'zh' ? `${quarter[1]}年第${quarter[2]}季度` : `Q${quarter[2]} ${quarter[1]}`;
  const date = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(part);
  if (!date) return part;
  const [, year, month, day] = date;
  if (lang === 'zh') return `${year}年${Number(month)}月${day ? `${Number(day)}日` : ''}`;
  return `${day ? `${Number(day)} ` : ''}${MONTHS_EN[Number(month) - 1] ?? month} ${year}`;
}

/**
 * A period as readers say it: `year` → 全年, `2022-06` → 2022年6月, `2025-Q1` → 2025年第1季度,
 * `2022-01/2022-06` → 2022年1月至2022年6月. Anything else is shown as written.
 */
export function formatPeriod(period: string, lang: Lang): string {
  if (period === 'year') return lang === 'zh' ? '全年' : 'whole year';
  const [from, to] = period.split('/');
  if (to === undefined) return formatPoint(period, lang);
  return `${formatPoint(from!, lang)}${lang === 'zh' ? '至' : ' – '}${formatPoint(to, lang)}`;
}
