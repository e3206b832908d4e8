import { clauseStart, lookback, PARAGRAPH_LOOKBACK, type Sentence } from '../segments.ts';
import { readPeriod } from '../period.ts';
import type { DocumentStructure } from './document-structure.ts';

/** The year and part of it a figure refers to, read from its clause, sentence, paragraph and the document. */
export interface FigureTime {
  year: number;
  period: string;
  /** The words that set the time when they are not the report's year (for the reason shown with it). */
  said: string;
  /** A relative period (上周, 上月) the document gives no anchor for: the time is unclear. */
  unanchored?: string;
}

/** A year named as the figure's own: `2020年共…`, not `2020年以来` or a date `2020年1月8日`. */
const YEAR_MENTION = /(\d{4})年(?!以来|至|起|底|末|—|-|~|\d{1,2}月\d{1,2}日)/g;
const PRIOR_YEAR = /去年|上年|上一年度?/;
const REPORTING_PERIOD = /\d{4}年\d{1,2}月份?|\d{1,2}月份|第?[一二三四1-4]季度|上半年|\d{1,2}[至\-—~到]\d{1,2}月/;
const YEAR_TO_DATE = /今年以来|今年来|年初以来|截至目前|截止目前|(\d{4})年以来/;
/** 本周/本月/本期 in a bulletin: its own period; 上周/上月/上期: the one before. The nearest one to the figure counts. */
const RELATIVE_PERIOD = /(?<!较|比|环比)(?:(本)|(上))(?:周|月|期|季度)/g;

export function figureTime(text: string, sentence: Sentence, position: number, structure: DocumentStructure): FigureTime {
  const reportYear = structure.report.meta.year;
  const clause = text.slice(clauseStart(text, position, sentence.start), position);
  const sentencePrefix = text.slice(lookback(position, sentence.start), position);

  let year = reportYear;
  let said = '';
  const yearInClause = lastYear(clause);
  const yearInSentence = lastYear(sentencePrefix);
  const prior = PRIOR_YEAR.exec(clause);
  if (yearInClause) ({ year, said } = yearInClause);
  else if (prior && !/同比|较|比/.test(clause)) { year = reportYear - 1; said = prior[0]; }
  else if (yearInSentence) ({ year, said } = yearInSentence);

  const relative = [...sentencePrefix.matchAll(RELATIVE_PERIOD)].at(-1);
  if (relative?.[2]) {
    const before = structure.documentPeriod ? previousPeriod(structure.documentPeriod) : null;
    return before ? { year: Number(before.slice(0, 4)), period: before, said: relative[0] } : { year, period: 'year', said: relative[0], unanchored: relative[0] };
  }
  // A bulletin names its reporting month once, early in the paragraph (2022年9月份共受理…);
  // later sentences share it. A bare event month (8月,组织…) is not a reporting period.
  const paragraphPrefix = text.slice(lookback(sentence.start, sentence.paragraph.start, PARAGRAPH_LOOKBACK), sentence.start);
  const inherited = REPORTING_PERIOD.test(paragraphPrefix) ? readPeriod(paragraphPrefix, year) : null;
  const own = readPeriod(sentencePrefix, year);
  const fromDocument = relative?.[1] ? structure.documentPeriod : null;
  const period = own ?? fromDocument ?? (year === reportYear ? inherited ?? structure.documentPeriod : null) ?? 'year';
  if (period === 'year' && YEAR_TO_DATE.test(sentencePrefix)) return { year, period: yearToDatePeriod(year, structure.published), said: 'year to date' };
  return { year, period, said };
}

/**
 * 今年以来, 截至目前: the year so far. The cut-off is the publication date when the report was
 * published within that year; otherwise it is unknown and the interval stays open (ISO 8601 `..`).
 */
function yearToDatePeriod(year: number, published: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(published) && published.startsWith(`${year}-`) && !published.endsWith('-12-31')
    ? `${year}-01-01/${published}`
    : `${year}-01/..`;
}

/** The period just before a bulletin's own: the week before a week, the month before a month. */
function previousPeriod(period: string): string | null {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    const y = Number(month[1]); const m = Number(month[2]);
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  }
  const days = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(period);
  if (days) {
    const from = Date.parse(`${days[1]}T00:00:00Z`); const to = Date.parse(`${days[2]}T00:00:00Z`);
    const length = to - from + 86_400_000;
    const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
    return `${iso(from - length)}/${iso(to - length)}`;
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return quarter[2] === '1' ? `${Number(quarter[1]) - 1}-Q4` : `${quarter[1]}-Q${Number(quarter[2]) - 1}`;
  return null;
}

function lastYear(text: string): { year: number; said: string } | null {
  let found: { year: number; said: string } | null = null;
  YEAR_MENTION.lastIndex = 0;
  for (let m = YEAR_MENTION.exec(text); m; m = YEAR_MENTION.exec(text)) {
    const year = Number(m[1]);
    if (year >= 1990 && year <= 2100) found = { year, said: m[0] };
  }
  return found;
}
