/**
 * Which part of the year a figure covers (docs/DATA-CONTRACT.md §3 `period`): `year`, or an ISO 8601
 * month, quarter or interval. Each entry reads one way these reports print a part-year.
 */
const CHINESE_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };
const pad = (n: number) => String(n).padStart(2, '0');
const month = (m: string | undefined): number | null => {
  const value = Number(m);
  return Number.isInteger(value) && value >= 1 && value <= 12 ? value : null;
};

type PeriodReader = { name: string; pattern: RegExp; read: (match: RegExpExecArray, year: number) => string | null };

export const PERIOD_READERS: readonly PeriodReader[] = [
  { name: 'months range', pattern: /(?:(\d{4})年)?(\d{1,2})月?份?[至\-—~到](\d{1,2})月份?/g, read: (m, y) => {
    const from = month(m[2]); const to = month(m[3]);
    return from && to && from < to ? `${m[1] ?? y}-${pad(from)}/${m[1] ?? y}-${pad(to)}` : null;
  } },
  { name: 'days range', pattern: /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日?[至到\-—~](?:(\d{1,2})月)?(\d{1,2})日/g, read: (m, y) => {
    const year = Number(m[1] ?? y); const from = month(m[2]); const to = month(m[4] ?? m[2]);
    const firstDay = Number(m[3]); const lastDay = Number(m[5]);
    if (!from || !to) return null;
    const monthLength = new Date(Date.UTC(year, to, 0)).getUTCDate();
    if (from === to && firstDay === 1 && lastDay === monthLength) return `${year}-${pad(from)}`;
    return `${year}-${pad(from)}-${pad(firstDay)}/${year}-${pad(to)}-${pad(lastDay)}`;
  } },
  { name: 'up to a day', pattern: /(?:截至|截止到?|至)(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/g, read: (m, y) => {
    const to = month(m[2]); const day = Number(m[3]);
    if (!to || day < 1 || day > 31 || (to === 12 && day === 31)) return null;
    return `${m[1] ?? y}-01-01/${m[1] ?? y}-${pad(to)}-${pad(day)}`;
  } },
  { name: 'up to a month end', pattern: /(?:截至|截止到?|至)(?:(\d{4})年)?(\d{1,2})月(?:底|末|份)/g, read: (m, y) => {
    const to = month(m[2]);
    return to && to < 12 ? `${m[1] ?? y}-01/${m[1] ?? y}-${pad(to)}` : null;
  } },
  { name: 'first n quarters', pattern: /前([三二两])个?季度/g, read: (m, y) => `${y}-01/${y}-${pad(CHINESE_DIGIT[m[1]!]! * 3)}` },
  { name: 'quarter', pattern: /(?:(\d{4})年)?第?([一二三四1-4])季度/g, read: (m, y) => `${m[1] ?? y}-Q${CHINESE_DIGIT[m[2]!]}` },
  { name: 'half year', pattern: /(?:(\d{4})年)?上半年/g, read: (m, y) => `${m[1] ?? y}-01/${m[1] ?? y}-06` },
  { name: 'second half year', pattern: /(?:(\d{4})年)?下半年/g, read: (m, y) => `${m[1] ?? y}-07/${m[1] ?? y}-12` },
  { name: 'one month', pattern: /(?:(\d{4})年)?(?<![\d至\-—~到])(\d{1,2})月份?(?![\d日底末中初])/g, read: (m, y) => {
    const only = month(m[2]);
    return only ? `${m[1] ?? y}-${pad(only)}` : null;
  } },
];

/** The part-year the text names last (the one nearest the figure), or null when it names none. */
export function readPeriod(text: string, year: number): string | null {
  let best: { at: number; period: string } | null = null;
  const taken: Array<[number, number]> = [];
  for (const reader of PERIOD_READERS) {
    reader.pattern.lastIndex = 0;
    for (let m = reader.pattern.exec(text); m; m = reader.pattern.exec(text)) {
      const start = m.index; const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue; // a wider reading already took these characters
      const period = reader.read(m, year);
      if (!period) continue;
      taken.push([start, end]);
      if (!best || start > best.at) best = { at: start, period };
    }
  }
  return best?.period ?? null;
}

/** The same part of another year: `2019-04` → `2018-04`, `year` stays `year`. */
export function shiftPeriod(period: string, years: number): string {
  if (period === 'year') return period;
  return period.replace(/\b(\d{4})(?=-)/g, (y) => String(Number(y) + years));
}

/** The year a period lies in (its first year); null for `year`. */
export function periodYear(period: string): number | null {
  const match = /^(\d{4})/.exec(period);
  return match ? Number(match[1]) : null;
}
