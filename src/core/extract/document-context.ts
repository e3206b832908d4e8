import type { Report } from '../types.ts';
import { normalise } from '../text/normalise.ts';
import { readPeriod } from './period.ts';
import { PLAN_HEADING } from './honesty.ts';

/** What holds for the whole report: its title lines, the part-year a bulletin covers, where its plans begin. */
export interface DocumentContext {
  report: Report;
  titleText: string;
  /** A bulletin's period from its title (`2019-04`, `2023-Q4`), else null. */
  documentPeriod: string | null;
  /** Offset in the normalised text where the "next year's work" section begins (Infinity if none). */
  planSectionStart: number;
}

const TITLE_LINES = 8;
/** A title is short; a long line among the first ones is already body text. */
const TITLE_MAX_LENGTH = 60;
/** A period in the title counts only when the title names a bulletin or statistics, not a date line. */
const BULLETIN_TITLE = /简报|通报|报告|情况|分析|运行|统计|月报|季报|工作|数据|公示|办理/;
const DATE_LINE = /发布|来源|日期|时间|索引|浏览/;

export function buildDocumentContext(report: Report, text: string): DocumentContext {
  // Only the head of the text is read: a report that is one huge line must not make every topic check read it all.
  const lines = text.slice(0, TITLE_LINES * 200).split('\n').map((line) => line.trim()).filter(Boolean).slice(0, TITLE_LINES)
    .map((line) => line.slice(0, 200));
  const titleText = [normalise(report.meta.title).text, ...lines].join('\n');
  let documentPeriod: string | null = null;
  for (const line of [normalise(report.meta.title).text, ...lines]) {
    if (line.length > TITLE_MAX_LENGTH || DATE_LINE.test(line) || !BULLETIN_TITLE.test(line)) continue;
    const period = readPeriod(line, report.meta.year);
    if (period) { documentPeriod = period; break; }
  }
  let planSectionStart = Infinity;
  let offset = 0;
  for (const line of text.split('\n')) {
    if (PLAN_HEADING.test(line)) { planSectionStart = offset; break; }
    offset += line.length + 1;
  }
  return { report, titleText, documentPeriod, planSectionStart };
}
