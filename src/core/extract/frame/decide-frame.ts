import { clauseStart, lookback, PARAGRAPH_LOOKBACK, type Sentence } from '../segments.ts';
import { sectionTimeAt, type DocumentStructure } from './document-structure.ts';
import { figureTime } from './figure-time.ts';
import { FRAME_CUES, type FrameCue, type Window } from './frame-cues.ts';
import type { Dimension, Frame, FrameWhy, Measure, Subject, Time } from './frame.ts';
import { BOUNDED_PERIOD, CATEGORY_MARK, JUDGEMENTS, NOT_A_CATEGORY, OWN_DEPARTMENT, STATES_OWN_TIME, type Judgement } from './judgements.ts';

/** One candidate figure, as the frame sees it: where it stands and which concept claimed it. */
export interface FigureAt {
  text: string;
  sentence: Sentence;
  figureStart: number;
  figureEnd: number;
  numberStart: number;
  numberEnd: number;
  /** The words between the concept's cue and the number (or the clause so far when the number comes first). */
  lead: string;
  indicator: string;
  /** The concept is the region's as a whole (a department's 我局 figures are its own). */
  regionWide: boolean;
  /** The concept's topic and cue: a category named by them is the topic, not a part. */
  concept: RegExp;
}

export interface FrameContext {
  structure: DocumentStructure;
  /** End of the last accepted figure of this indicator in the paragraph before `position`, or null. */
  lastTotalBefore: (indicator: string, paragraphStart: number, position: number) => number | null;
  /** Told the id of every cue or judgement that decides a dimension (npm run rules:usage). */
  fired?: (id: string) => void;
}

type Decided<T> = { value: T; why: FrameWhy } | null;

/** Decides the frame of one candidate figure: measure from the words beside it, subject from its clause, time from its sentence, section and document. */
export function decideFrame(figure: FigureAt, context: FrameContext): Frame {
  const windows = readWindows(figure);
  const measure = decideByCues<Measure>('measure', figure, windows) ?? judge<Measure>(JUDGEMENTS.rangeEnd, isRangeEnd(figure.text, figure.numberStart, figure.numberEnd) ? figure.text.slice(figure.numberStart, figure.numberEnd + 2) : null);
  const subject = decideByCues<Subject>('subject', figure, windows) ?? decideSubject(figure, windows, context);
  const timeCue = decideByCues<Time>('time', figure, windows);
  const time = figureTime(figure.text, figure.sentence, figure.figureStart, context.structure);
  const reportYear = context.structure.report.meta.year;
  const decidedTime = timeCue ?? decideTime(figure, windows, context, time.year, time.unanchored);
  const frame: Frame = {
    measure: measure?.value ?? 'level',
    subject: subject?.value ?? 'whole',
    time: decidedTime?.value ?? (time.year !== reportYear ? 'other-year' : time.period === 'year' ? 'year' : 'part-year'),
    year: time.year,
    period: time.period,
    why: measure?.why ?? subject?.why ?? decidedTime?.why ?? null,
  };
  if (frame.why) context.fired?.(frame.why.cue);
  return frame;
}

type Windows = Record<Window, string>;

/**
 * The windows right at a figure: the words before it (`lead`, as its caller delimits them), the few
 * after it, and both around the figure marked ⟨…⟩. Shared with the orphan figures, so a cue reads
 * the same text wherever it is applied.
 */
export function nearWindows(text: string, sentence: Sentence, start: number, end: number, lead: string): Pick<Windows, 'lead' | 'after' | 'around'> {
  const after = text.slice(end, Math.min(sentence.end, end + 8));
  return { lead, after, around: `${lead}⟨${text.slice(start, end)}⟩${after}` };
}

function readWindows(f: FigureAt): Windows {
  const { text, sentence } = f;
  const phraseFloor = lookback(f.figureStart, sentence.start);
  let phraseStart = f.figureStart;
  while (phraseStart > phraseFloor && !/[，,。；;：:\n]/.test(text[phraseStart - 1]!)) phraseStart -= 1;
  return {
    ...nearWindows(text, sentence, f.figureStart, f.figureEnd, f.lead),
    phrase: text.slice(phraseStart, f.figureStart),
    clause: text.slice(clauseStart(text, f.figureStart, sentence.start), f.figureStart),
    sentence: text.slice(lookback(f.figureStart, sentence.start), f.figureStart),
    paragraph: text.slice(lookback(f.figureStart, sentence.paragraph.start, PARAGRAPH_LOOKBACK), f.figureStart),
  };
}

function decideByCues<T>(dimension: Dimension, figure: FigureAt, windows: Windows): Decided<T> {
  // A clause that states its own time (…成立以来共办理318件,全年办理52件) is not ruled by the sentence's earlier time words.
  const ownTime = dimension === 'time' && STATES_OWN_TIME.test(windows.clause);
  for (const cue of FRAME_CUES) {
    if (cue.dimension !== dimension || !applies(cue, figure.indicator)) continue;
    const window = ownTime && (cue.where === 'sentence' || cue.where === 'paragraph') ? windows.clause : windows[cue.where];
    const m = cue.pattern.exec(window);
    if (m) return { value: cue.value as T, why: { dimension, cue: cue.id, matched: m[0] } };
  }
  return null;
}

const applies = (cue: FrameCue, indicator: string) => (!cue.only || cue.only.test(indicator)) && !(cue.except && cue.except.test(indicator));

function judge<T>(judgement: Judgement, matched: string | null | undefined): Decided<T> {
  return matched ? { value: judgement.value as T, why: { dimension: judgement.dimension, cue: judgement.id, matched } } : null;
}

function decideSubject(figure: FigureAt, windows: Windows, context: FrameContext): Decided<Subject> {
  const { meta } = context.structure.report;
  if (/法院|检察院/.test(meta.publisher) && !/^court_mediation\./.test(figure.indicator)) return judge(JUDGEMENTS.courtPublisher, meta.publisher);
  const total = context.lastTotalBefore(figure.indicator, figure.sentence.paragraph.start, figure.figureStart);
  if (total !== null) {
    const between = figure.text.slice(total, figure.figureStart);
    const ofWhich = /其中|此类|分别|包括/.exec(between);
    if (ofWhich) return judge(JUDGEMENTS.partAfterTotal, ofWhich[0]);
  }
  const category = namedCategory(windows.clause, figure.concept);
  if (category) return judge(JUDGEMENTS.category, category);
  if (figure.regionWide && meta.publisher_kind === 'department') {
    const own = OWN_DEPARTMENT.exec(windows.sentence + figure.text.slice(figure.figureEnd, Math.min(figure.sentence.end, figure.figureEnd + 40)));
    if (own) return judge(JUDGEMENTS.departmentOwn, own[0]);
  }
  const level = placeLevel(meta.region_code, meta.region_name);
  if (SELF.test(windows.clause) || (meta.region_name.length >= 2 && windows.clause.includes(meta.region_name))) return null;
  const sentenceOpening = figure.text.slice(figure.sentence.start, Math.min(figure.figureStart, figure.sentence.start + 16));
  const ownLevelOnly = level === 'prefecture' ? /市本级/.exec(windows.clause) ?? /市本级/.exec(sentenceOpening) : null;
  if (ownLevelOnly) return judge(JUDGEMENTS.ownLevelOnly, ownLevelOnly[0]);
  const higher = level === 'county' && /市$/.test(meta.region_name) ? COUNTY_CITY_HIGHER : HIGHER_LEVEL[level];
  const above = higher && (higher.exec(windows.clause) ?? higher.exec(sentenceOpening));
  if (above) return judge(JUDGEMENTS.higherLevel, above[0]);
  const below = LOWER_LEVEL[level].exec(windows.clause) ?? namedLowerPlace(sentenceOpening);
  if (below) return judge(JUDGEMENTS.lowerLevel, below[0]);
  return null;
}

type PlaceLevel = 'province' | 'prefecture' | 'county';

/** The clause names the place itself (我县…, 本市…): whatever the sentence said before, this figure is its own. */
const SELF = /[我本][县市区省旗]/;

/** The report's level from its code, else (an unknown code) from its name's ending. */
function placeLevel(regionCode: string, regionName: string): PlaceLevel {
  if (/^\d{6}$/.test(regionCode) && regionCode !== '000000') return /0000$/.test(regionCode) ? 'province' : /00$/.test(regionCode) ? 'prefecture' : 'county';
  return /省$|自治区$/.test(regionName) ? 'province' : /[县区旗]$/.test(regionName) ? 'county' : 'prefecture';
}

/** Levels above the report's place. A county-level 市 calls itself 全市; a county's 全市 is its prefecture's. */
const HIGHER_LEVEL: Record<PlaceLevel, RegExp | null> = { province: null, prefecture: /全省|全自治区/, county: /全省|全自治区|全市|市本级/ };
const COUNTY_CITY_HIGHER = /全省|全自治区/;
/** Levels below it, named as a level (县级受理…, 各县区共…). */
const LOWER_LEVEL: Record<PlaceLevel, RegExp> = {
  province: /市级|地市|设区市|县级|县区|县市区/,
  prefecture: /县级|县区|县市区|区县|县（市、区）|县\(市、区\)|经济区|开发区/,
  county: /乡级|镇级|村级/,
};
/** A sentence that opens with one township, street or village (城关镇人民调解委员会…): its figures are that place's. */
const OPENS_WITH_PLACE = /^(?:在|由)?([\u4e00-\u9fff]{2,4}?)(?:镇|乡|街道|村|社区)(?![级、和与及村镇居])/;
/** 各乡镇, 全县各村, 城乡社区, 基层, 推进法治乡村: every place, a kind of place, or a verb, not one place. */
const NOT_ONE_PLACE = /^[各全每]|[各乡城农镇村]$|基层|城乡|法治|^(?:深化|推进|开展|加强|健全|完善|建立|创建|打造|实施|积极|持续|依托|围绕|聚焦|强化|推动)/;

function namedLowerPlace(opening: string): RegExpExecArray | null {
  const m = OPENS_WITH_PLACE.exec(opening);
  return m && !NOT_ONE_PLACE.test(m[1]!) ? m : null;
}

/** A number that is one end of a range (3-5人, 10至20件) is not a single figure. */
function isRangeEnd(text: string, numberStart: number, numberEnd: number): boolean {
  return /^[-~～至到—]\d/.test(text.slice(numberEnd, numberEnd + 2)) || /\d[-~～至到—]$/.test(text.slice(Math.max(0, numberStart - 2), numberStart));
}

/** 交通管理类, 城市管理方面: a category that is not the concept's own topic (在行政复议方面 is the topic). */
function namedCategory(clause: string, concept: RegExp): string | null {
  for (const m of clause.matchAll(CATEGORY_MARK)) {
    const before = clause.slice(Math.max(0, m.index - 6), m.index);
    if (!before || NOT_A_CATEGORY.test(before) || !/[\u4e00-\u9fff]$/.test(before)) continue;
    const name = /[\u4e00-\u9fff]{1,4}$/.exec(before)![0];
    // 六大执法领域, 三类案件: every field or kind, counted (the whole), not one of them.
    if (concept.test(name + m[0]) || /^[一二三四五六七八九十两\d]+[大个项]?/.test(name)) continue;
    return name + m[0];
  }
  return null;
}

function decideTime(figure: FigureAt, windows: Windows, context: FrameContext, year: number, unanchored: string | undefined): Decided<Time> {
  const reportYear = context.structure.report.meta.year;
  const since = /(?:自|从)?(\d{4})年(?:以来|至今)|(?:自|从)(\d{4})年(?!的|底|末|\d)/.exec(windows.sentence);
  if (since && Number(since[1] ?? since[2]) < reportYear) return judge(JUDGEMENTS.sinceYear, since[0]);
  const section = sectionTimeAt(context.structure, figure.figureStart);
  // 累计 in a section about one year (一、2021年…工作情况) is that year's total.
  const cumulative = /累计/.exec(windows.sentence);
  if (cumulative && !BOUNDED_PERIOD.test(windows.sentence) && !context.structure.documentPeriod && section?.time !== 'year') return judge(JUDGEMENTS.cumulative, cumulative[0]);
  if (year > reportYear) return judge(JUDGEMENTS.futureYear, String(year));
  if (unanchored) return judge(JUDGEMENTS.unanchoredPeriod, unanchored);
  if (section && section.time !== 'year') {
    const sentenceStart = figure.text.slice(figure.sentence.start, figure.figureStart);
    const ownTime = STATES_OWN_TIME.exec(sentenceStart);
    if (!ownTime || section.time === 'target') {
      return { value: section.time!, why: { dimension: 'time', cue: JUDGEMENTS.section.id, matched: section.heading } };
    }
  }
  return null;
}
