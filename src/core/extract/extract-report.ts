import { getIndicator } from '../catalog/indicators.ts';
import { toBodySpan, type MappedText } from '../text/mapped-text.ts';
import { normalise } from '../text/normalise.ts';
import type { ExtractionResult, Observation, Reject, Report } from '../types.ts';
import { findCandidates, type Candidate } from './candidates.ts';
import { readPriorYearNearby } from './change-statements.ts';
import { compileRules, type CompiledPattern } from './compile-rules.ts';
import { conceptFailure } from './concept-check.ts';
import { deriveRates, sumParts } from './derive.ts';
import { decideFrame, type FrameContext } from './frame/decide-frame.ts';
import { describeFrame } from './frame/describe-frame.ts';
import { readDocumentStructure, sectionTimeAt } from './frame/document-structure.ts';
import { frameLabel, isObservable, type Frame } from './frame/frame.ts';
import { findOrphanFigures } from './frame/orphan-figures.ts';
import { mergeDuplicates } from './merge-duplicates.ts';
import { shiftPeriod } from './period.ts';
import { readPipeTables } from './pipe-tables.ts';
import { ALL_RULES } from './rules/index.ts';
import { clauseStart, LOOKBACK, PARAGRAPH_LOOKBACK, splitSentences, type Sentence } from './segments.ts';

const DEFAULT_RULES = compileRules(ALL_RULES);

export interface ExtractOptions {
  rules?: readonly CompiledPattern[];
  /** Told the id of every rule pattern, concept exclusion and frame cue that decides something (npm run rules:usage). */
  fired?: (id: string) => void;
}

/** Everything one report needs while its sentences are read. */
interface Reading {
  report: Report;
  mapped: MappedText;
  frames: FrameContext;
  observations: Observation[];
  parts: Observation[];
  rejects: Reject[];
  /** Accepted figures in the normalised text, for "其中" after a total. */
  accepted: Array<{ indicator: string; end: number }>;
  /** Quotes already cut, by sentence start: a sentence with many figures is cut once. */
  quotes: Map<number, { quote: string; start: number }>;
  /** For a table row read as a virtual sentence: the row's line in the body (its quote) and its place in the text. */
  tableRow?: { quoteStart: number; quoteEnd: number; position: number };
  fired?: (id: string) => void;
}

/**
 * Reads one report sentence by sentence: every rule proposes candidates, the nearest cue wins
 * each number (a respective list pairs them in order), the frame decides whether the winner is
 * the place's figure for a year, and the derivations run last.
 */
export function extractReport(report: Report, options: ExtractOptions = {}): ExtractionResult {
  const rules = options.rules ?? DEFAULT_RULES;
  const mapped = normalise(report.body);
  const structure = readDocumentStructure(report, mapped.text);
  const accepted: Reading['accepted'] = [];
  const frames: FrameContext = {
    structure, fired: options.fired,
    // Figures are accepted in text order: read back from the newest, no further than the paragraph look-back.
    lastTotalBefore: (indicator, paragraphStart, position) => {
      const floor = Math.max(paragraphStart, position - PARAGRAPH_LOOKBACK);
      for (let i = accepted.length - 1; i >= 0 && accepted[i]!.end >= floor; i -= 1) {
        if (accepted[i]!.indicator === indicator && accepted[i]!.end <= position) return accepted[i]!.end;
      }
      return null;
    },
  };
  const reading: Reading = { report, mapped, frames, observations: [], parts: [], rejects: [], accepted, quotes: new Map(), fired: options.fired };
  for (const sentence of splitSentences(mapped.text)) readSentence(reading, sentence, rules);
  for (const row of readPipeTables(mapped)) {
    const [quoteStart, quoteEnd] = toBodySpan(mapped, row.line.start, row.line.end);
    const whole = { start: 0, end: row.mapped.text.length };
    // A row has no headings of its own: it takes the section its line stands in.
    const section = sectionTimeAt(structure, row.line.start);
    const rowStructure = { ...structure, sections: section ? [{ ...section, start: 0 }] : [] };
    readSentence({ ...reading, frames: { ...frames, structure: rowStructure, lastTotalBefore: () => null }, accepted: [], quotes: new Map(), mapped: row.mapped, tableRow: { quoteStart, quoteEnd, position: row.line.start } }, { ...whole, paragraph: whole }, rules);
  }

  const { totals, rejects: partRejects } = sumParts(reading.parts, reading.observations);
  const { kept, duplicates } = mergeDuplicates([...reading.observations, ...totals], report.body);
  const observations = [...kept];
  observations.push(...deriveRates(observations));
  const withText = partRejects.map((r) => ({ ...r, text: report.body.slice(r.span_start, r.span_end) }));
  return {
    observations: observations.sort(byPosition),
    rejects: [...reading.rejects, ...withText, ...duplicates].sort(byPosition),
  };
}

function readSentence(reading: Reading, sentence: Sentence, rules: readonly CompiledPattern[]): void {
  const byNumber = new Map<number, Candidate[]>();
  const candidates = findCandidates(reading.mapped.text, sentence, rules);
  for (const candidate of candidates) {
    byNumber.set(candidate.numberStart, [...(byNumber.get(candidate.numberStart) ?? []), candidate]);
  }
  for (const group of [...byNumber.entries()].sort(([a], [b]) => a - b).map(([, g]) => g)) {
    const passing: Candidate[] = [];
    const shared: Candidate[] = [];
    let firstFailure: { candidate: Candidate; reason: string; frame: string } | null = null;
    for (const candidate of group) {
      const failure = conceptFailure(reading.mapped.text, candidate, reading.frames.structure.titleText);
      if (failure === null) (candidate.rule.pattern.shared ? shared : passing).push(candidate);
      else if (failure.informative && !firstFailure) { firstFailure = { candidate, reason: failure.reason, frame: failure.frame ?? '' }; reading.fired?.(failure.id); }
    }
    for (const candidate of shared) judge(reading, candidate);
    if (shared.length > 0 && passing.length === 0) continue;
    if (passing.length === 0) {
      if (firstFailure) reject(reading, firstFailure.candidate, firstFailure.reason, firstFailure.frame);
      continue;
    }
    // A respective list's pairing beats the nearest cue; otherwise the nearest cue wins.
    const paired = passing.filter((c) => c.paired);
    const pool = paired.length > 0 ? paired : passing.filter((c) => c.paired === undefined);
    if (pool.length === 0) continue;
    const winner = pool.reduce((best, c) => (c.gap.length < best.gap.length || (c.gap.length === best.gap.length && c.rule.priority < best.rule.priority) ? c : best));
    reading.fired?.(winner.rule.ruleId);
    judge(reading, winner);
  }
  if (!reading.tableRow) recordOrphans(reading, sentence, candidates, rules);
}

const ORPHAN_HINT = /占|第|增|减|降|升|提高|提升|以上|以下|以内|低于|高于|超过|不足|不到|类|其中|方面|渠道|涉及|百分点|标准|[镇乡村]|街道|撤销|变更|维持|驳回/;

/** A rank, share, change or threshold printed beside a concept's words: rejected with its frame, never dropped silently. */
function recordOrphans(reading: Reading, sentence: Sentence, candidates: readonly Candidate[], rules: readonly CompiledPattern[]): void {
  const { text } = reading.mapped;
  const sentenceText = text.slice(sentence.start, sentence.end);
  // Most sentences hold no word of a rank, share, change, threshold or part: one test skips them.
  if (!ORPHAN_HINT.test(sentenceText)) return;
  const totalInParagraph = reading.accepted.length > 0 && reading.accepted.at(-1)!.end >= sentence.paragraph.start;
  if (candidates.length === 0 && !totalInParagraph && !rules.some((rule) => rule.cueTest.test(sentenceText) || rule.topicTest?.test(sentenceText))) return;
  for (const orphan of findOrphanFigures(text, sentence, candidates, rules, reading.accepted)) {
    reading.fired?.(orphan.why.cue);
    const [spanStart, spanEnd] = toBodySpan(reading.mapped, orphan.start, orphan.end);
    const frame: Frame = orphan.dimension === 'measure'
      ? { subject: 'whole', time: 'year', measure: orphan.value as Frame['measure'], year: reading.report.meta.year, period: 'year', why: orphan.why }
      : { subject: 'part', time: 'year', measure: 'level', year: reading.report.meta.year, period: 'year', why: orphan.why };
    reading.rejects.push({
      report_id: reading.report.meta.id, indicator_id: orphan.indicator, rule_id: `${orphan.indicator}/frame-${orphan.why.cue}`,
      reason: describeFrame(frame, 'en'), frame: frameLabel(frame), text: reading.report.body.slice(spanStart, spanEnd),
      quote: quoteOf(reading, sentence).quote, span_start: spanStart, span_end: spanEnd,
    });
  }
}

/** The frame decides: an observation, or a reject that says which frame and why. */
function judge(reading: Reading, c: Candidate): void {
  const { text } = reading.mapped;
  const frame = decideFrame({
    text, sentence: c.sentence, figureStart: c.figureStart, figureEnd: c.figureEnd, numberStart: c.numberStart, numberEnd: c.numberEnd,
    lead: c.rule.pattern.order === 'number-cue' ? text.slice(clauseStart(text, c.figureStart, c.sentence.start), c.figureStart) : c.gap,
    indicator: c.rule.table.indicator, regionWide: c.rule.table.regionWide === true, concept: c.rule.conceptWords,
  }, reading.frames);
  if (!isObservable(frame)) return reject(reading, c, describeFrame(frame, 'en'), frameLabel(frame));

  const observation = makeObservation(reading, c, frame);
  if (c.rule.pattern.role === 'part') { reading.parts.push(observation); return; }
  reading.observations.push(observation);
  reading.accepted.push({ indicator: observation.indicator_id, end: c.figureEnd });
  addConsecutiveYears(reading, c, observation);
  addPriorYear(reading, c, observation);
}

function makeObservation(reading: Reading, c: Candidate, frame: Frame): Observation {
  const { meta, body } = reading.report;
  const [spanStart, spanEnd] = toBodySpan(reading.mapped, c.figureStart, c.figureEnd);
  const indicator = getIndicator(c.rule.table.indicator);
  const quote = quoteOf(reading, c.sentence);
  return {
    region_code: meta.region_code, region_name: meta.region_name, year: frame.year, period: frame.period,
    indicator_id: indicator.indicator_id, value: c.quantity.value, unit: indicator.unit,
    approx: c.quantity.approx, value_kind: 'reported', report_id: meta.id,
    quote: quote.quote, quote_start: quote.start, span_start: spanStart, span_end: spanEnd,
    rule_id: c.rule.ruleId, derivation: '', inputs: [], flags: body.slice(spanStart, spanEnd) ? [] : ['empty_span'],
  };
}

/** 出庭应诉率连续两年100%: the figure holds for the years before too, as printed. */
function addConsecutiveYears(reading: Reading, c: Candidate, observation: Observation): void {
  const consecutive = /连续([两二三四五2-5])年/.exec(c.gap);
  if (!consecutive) return;
  const years = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5 }[consecutive[1] as '两'] ?? Number(consecutive[1]);
  for (let back = 1; back < years; back += 1) {
    reading.observations.push({ ...observation, year: observation.year - back, period: shiftPeriod(observation.period, -back), rule_id: `${observation.rule_id}+consecutive-years` });
  }
}

function addPriorYear(reading: Reading, c: Candidate, current: Observation): void {
  const { text } = reading.mapped;
  const prior = readPriorYearNearby(text.slice(c.figureEnd, Math.min(c.sentence.end, c.figureEnd + LOOKBACK)), {
    value: current.value!, approx: current.approx, isRate: current.unit === '%', year: current.year,
  });
  if (!prior) return;
  const at = c.figureEnd + prior.offset;
  const [spanStart, spanEnd] = toBodySpan(reading.mapped, at + prior.start, at + prior.end);
  if (prior.kind === 'unusable') {
    reading.rejects.push({ report_id: current.report_id, indicator_id: current.indicator_id, rule_id: `${current.indicator_id}/prior-year-from-change`, reason: prior.reason, frame: 'measure:change', text: reading.report.body.slice(spanStart, spanEnd), quote: current.quote, span_start: spanStart, span_end: spanEnd });
    return;
  }
  const period = shiftPeriod(current.period, prior.year - current.year);
  const base = { ...current, year: prior.year, period, value: prior.value, approx: prior.approx, span_start: spanStart, span_end: spanEnd, flags: [] };
  if (prior.kind === 'printed') {
    reading.observations.push({ ...base, rule_id: `${current.indicator_id}/printed-prior-year` });
    return;
  }
  reading.observations.push({
    ...base,
    value_kind: 'derived',
    rule_id: `${current.indicator_id}/prior-year-from-change`,
    derivation: prior.formula,
    inputs: [
      { indicator_id: current.indicator_id, role: 'current value', value: current.value!, year: current.year, span_start: current.span_start, span_end: current.span_end },
      { indicator_id: current.indicator_id, role: 'change', value: prior.change, year: current.year, span_start: spanStart, span_end: spanEnd },
    ],
  });
}

function reject(reading: Reading, c: Candidate, reason: string, frame: string): void {
  const [spanStart, spanEnd] = toBodySpan(reading.mapped, c.figureStart, c.figureEnd);
  reading.rejects.push({
    report_id: reading.report.meta.id, indicator_id: c.rule.table.indicator, rule_id: c.rule.ruleId, reason, frame,
    text: reading.report.body.slice(spanStart, spanEnd), quote: quoteOf(reading, c.sentence).quote, span_start: spanStart, span_end: spanEnd,
  });
}

/** The sentence as printed in the body, trimmed of surrounding white space. */
function quoteOf(reading: Reading, sentence: Sentence): { quote: string; start: number } {
  const { body } = reading.report;
  const cached = reading.quotes.get(sentence.start);
  if (cached) return cached;
  let [start, end] = reading.tableRow
    ? [reading.tableRow.quoteStart, reading.tableRow.quoteEnd]
    : toBodySpan(reading.mapped, sentence.start, sentence.end);
  while (start < end && /\s/.test(body[start]!)) start += 1;
  while (end > start && /\s/.test(body[end - 1]!)) end -= 1;
  const quote = { quote: body.slice(start, end), start };
  reading.quotes.set(sentence.start, quote);
  return quote;
}

/** Code-unit order, not the locale's: the same input sorts the same on every machine. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byPosition(a: Observation | Reject, b: Observation | Reject): number {
  return compareText(a.report_id, b.report_id) || a.span_start - b.span_start || compareText(a.indicator_id, b.indicator_id)
    || ('year' in a && 'year' in b ? a.year - b.year : 0) || compareText(a.rule_id, b.rule_id);
}
