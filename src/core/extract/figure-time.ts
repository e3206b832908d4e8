import { clauseStart, lookback, PARAGRAPH_LOOKBACK, type Sentence } from './segments.ts';
import { readPeriod } from './period.ts';
import type { DocumentContext } from './document-context.ts';

export interface FigureTime {
  year: number;
  period: string;
  /** Set when the figure sums several years: it is rejected with this reason. */
  multiYear?: string;
}

/** A year named as the figure's own: `2020年共…`, not `2020年以来` or a date `2020年1月8日`. */
const YEAR_MENTION = /(\d{4})年(?!以来|至|起|底|末|—|-|~|\d{1,2}月\d{1,2}日)/g;
const PRIOR_YEAR = /去年|上年|上一年度?/;
const REPORTING_PERIOD = /\d{4}年\d{1,2}月份?|\d{1,2}月份|第?[一二三四1-4]季度|上半年|\d{1,2}[至\-—~到]\d{1,2}月/;
const YEAR_TO_DATE = /今年以来|今年来|年初以来|截至目前|截止目前|(\d{4})年以来/;
const SINCE_YEAR = /(?:自|从)?(\d{4})年(?:以来|至今)/;

/**
 * The year and period a figure refers to. The clause before it wins over the sentence, the
 * sentence over the bulletin's title, and all of them over the report's year.
 */
export function figureTime(text: string, sentence: Sentence, position: number, context: DocumentContext): FigureTime {
  const reportYear = context.report.meta.year;
  const clause = text.slice(clauseStart(text, position, sentence.start), position);
  const sentencePrefix = text.slice(lookback(position, sentence.start), position);

  const since = SINCE_YEAR.exec(clause) ?? SINCE_YEAR.exec(sentencePrefix);
  if (since && Number(since[1]) < reportYear) {
    return { year: reportYear, period: 'year', multiYear: `counts since ${since[1]}, several years` };
  }

  let year = reportYear;
  const yearInClause = lastYear(clause);
  const yearInSentence = lastYear(sentencePrefix);
  if (yearInClause !== null) year = yearInClause;
  else if (PRIOR_YEAR.test(clause) && !/同比|较|比/.test(clause)) year = reportYear - 1;
  else if (yearInSentence !== null) year = yearInSentence;

  // A bulletin names its reporting month once, early in the paragraph (2022年9月份共受理…);
  // later sentences share it. A bare event month (8月,组织…) is not a reporting period.
  const paragraphPrefix = text.slice(lookback(sentence.start, sentence.paragraph.start, PARAGRAPH_LOOKBACK), sentence.start);
  const inherited = REPORTING_PERIOD.test(paragraphPrefix) ? readPeriod(paragraphPrefix, year) : null;
  const period = readPeriod(sentencePrefix, year)
    ?? (year === reportYear ? inherited ?? context.documentPeriod : null)
    ?? 'year';
  if (period === 'year' && YEAR_TO_DATE.test(sentencePrefix)) return { year, period: yearToDatePeriod(year, context.report.meta.published) };
  return { year, period };
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

function lastYear(text: string): number | null {
  let found: number | null = null;
  YEAR_MENTION.lastIndex = 0;
  for (let m = YEAR_MENTION.exec(text); m; m = YEAR_MENTION.exec(text)) {
    const year = Number(m[1]);
    if (year >= 1990 && year <= 2100) found = year;
  }
  return found;
}
