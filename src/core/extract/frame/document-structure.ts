import { normalise } from '../../text/normalise.ts';
import type { Report } from '../../types.ts';
import { readPeriod } from '../period.ts';

/**
 * What holds for the whole report, read once: its title lines, the period a bulletin covers, its
 * publication date, and the time each part of the text speaks of. A government work report
 * reviews five years, then the past year, then plans the next: a figure's section decides its
 * time, not only the words of its sentence.
 */
export type SectionTime = 'year' | 'multi-year' | 'target';

export interface Section { start: number; time: SectionTime | null; heading: string }

export interface DocumentStructure {
  report: Report;
  titleText: string;
  /** A bulletin's period from its title (`2019-04`, `2024-05-06/2024-05-12`), else null. */
  documentPeriod: string | null;
  /** The front matter's date, else one printed in the head (发布时间:2019-12-23), else ''. */
  published: string;
  /** A 政府工作报告 is read in the year after the one it reviews: its 今年 is the next year. */
  isWorkReport: boolean;
  /** Where the text's time changes (a heading or a paragraph that opens a new time), in order. */
  sections: Section[];
}

const TITLE_LINES = 8;
/** A title is short; a long line among the first ones is already body text. */
const TITLE_MAX_LENGTH = 60;
/** A period in the title counts only when the title names a bulletin or statistics, not a date line. */
const BULLETIN_TITLE = /简报|通报|报告|情况|分析|运行|统计|月报|周报|季报|工作|数据|公示|办理/;
const DATE_LINE = /发布|来源|日期|时间|索引|浏览/;
const PRINTED_DATE = /(?:发布|日期|时间)[^\d\n]{0,6}(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/;

const TOP_HEADING = /^\s*(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分)/;
const SUB_HEADING = /^\s*[（(][一二三四五六七八九十]+[)）]/;

/** Words that give a heading (or a paragraph's opening words) its time. */
const HEADING_TARGET = /下一步|打算|计划|工作安排|工作思路|展望|预期目标|目标任务|重点工作|重点任务|努力方向|工作重点|十五五/;
const HEADING_SEVERAL_YEARS = /十[三四]五|五年/;
const HEADING_YEAR = /回顾|成效|主要工作|工作情况|主要做法|举措|开展情况|完成情况|取得/;

export function readDocumentStructure(report: Report, text: string): DocumentStructure {
  // Only the head of the text is read for the title: a report that is one huge line must not make every topic check read it all.
  const headLines = text.slice(0, TITLE_LINES * 200).split('\n').map((line) => line.trim()).filter(Boolean).slice(0, TITLE_LINES).map((line) => line.slice(0, 200));
  const title = normalise(report.meta.title).text;
  const titleText = [title, ...headLines].join('\n');
  let documentPeriod: string | null = null;
  for (const line of [title, ...headLines]) {
    if (line.length > TITLE_MAX_LENGTH || DATE_LINE.test(line) || !BULLETIN_TITLE.test(line)) continue;
    const period = readPeriod(line, report.meta.year);
    if (period) { documentPeriod = period; break; }
  }
  return {
    report, titleText, documentPeriod,
    published: report.meta.published || printedDate(headLines),
    isWorkReport: /政府工作报告/.test(titleText),
    sections: readSections(report, text),
  };
}

function printedDate(lines: readonly string[]): string {
  for (const line of lines) {
    const m = PRINTED_DATE.exec(line);
    if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  }
  return '';
}

/**
 * The text's running time. A top-level heading sets it (and resets what paragraphs said); a
 * sub-heading or a paragraph's opening words (过去五年…, 过去一年…, 今年…) change it until the next.
 */
function readSections(report: Report, text: string): Section[] {
  const year = report.meta.year;
  const sections: Section[] = [];
  const opening = paragraphOpenings(year, /政府工作报告/.test(report.meta.title + text.slice(0, 400)));
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (TOP_HEADING.test(trimmed) && trimmed.length <= 60) {
      sections.push({ start, time: headingTime(trimmed, year), heading: trimmed });
      continue;
    }
    const time = SUB_HEADING.test(trimmed) && trimmed.length <= 60 ? headingTime(trimmed, year) : opening(trimmed.slice(0, 24));
    if (time) sections.push({ start, time, heading: trimmed.slice(0, 40) });
  }
  return sections;
}

function headingTime(heading: string, year: number): SectionTime | null {
  const years = [...heading.matchAll(/(\d{4})年/g)].map((m) => Number(m[1]));
  if (HEADING_TARGET.test(heading) || years.some((y) => y > year)) return 'target';
  const severalYears = HEADING_SEVERAL_YEARS.test(heading);
  const oneYear = years.includes(year) || /过去一年|一年来/.test(heading);
  if (severalYears && !oneYear) return 'multi-year';
  // "“十四五”时期和2025年工作回顾" reviews both: its paragraphs say which.
  if (severalYears && oneYear) return null;
  return HEADING_YEAR.test(heading) || oneYear ? 'year' : null;
}

/** A paragraph that opens by naming its time: 过去五年/五年来 (several years), 过去一年/2025年是 (the year), 今年是/主要预期目标 (targets). */
function paragraphOpenings(year: number, workReport: boolean): (opening: string) => SectionTime | null {
  const severalYears = /^.{0,6}(?:过去五年|五年来|这五年|“?十四五”?(?:时期|期间|以来)|十四五以来)/;
  const oneYear = new RegExp(`^.{0,8}(?:过去一年|一年来|刚刚过去的${year}年|${year}年(?:是|，|,|我们|全省|全市|全县|全区))`);
  const next = year + 1;
  const plans = new RegExp(`^.{0,6}(?:主要预期目标|${next}年(?:是|工作|经济|发展|的主要|政府工作|，|,)${workReport ? '|今年(?:是|工作|经济|发展|的主要|政府工作|要|，|,)|做好今年' : ''})`);
  return (opening) => (plans.test(opening) ? 'target' : severalYears.test(opening) ? 'multi-year' : oneYear.test(opening) ? 'year' : null);
}

/** A top-level heading that opens the plans (三、2024年工作打算): everything after it is a target. */
export function isPlanHeading(line: string, year: number): boolean {
  const trimmed = line.trim();
  return TOP_HEADING.test(trimmed) && trimmed.length <= 60 && headingTime(trimmed, year) === 'target';
}

/** The section time at a position of the normalised text (null when the text has said none). */
export function sectionTimeAt(structure: DocumentStructure, position: number): Section | null {
  let found: Section | null = null;
  for (const section of structure.sections) {
    if (section.start > position) break;
    found = section.time ? section : section.time === null && TOP_HEADING.test(section.heading) ? null : found;
  }
  return found;
}
