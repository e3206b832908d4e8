import type { Lang } from '../core/lang.ts';

export type { Lang };

const formats = new Map<string, Intl.NumberFormat>();

/** A value with its unit as the page shows it: 98.5%, 10,544 件. */
export function formatValue(value: number | null, unit: string, lang: Lang): string {
  if (value === null) return '—';
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  const number = format.format(value);
  if (unit === '%') return `${number}%`;
  return unit ? `${number} ${unit}` : number;
}

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
