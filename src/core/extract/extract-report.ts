import { getIndicator } from '../catalog/indicators.ts';
import { toBodySpan, type MappedText } from '../text/mapped-text.ts';
import { normalise } from '../text/normalise.ts';
import type { ExtractionResult, Observation, Reject, Report } from '../types.ts';
import { findCandidates, type Candidate } from './candidates.ts';
import { readPriorYearNearby } from './change-statements.ts';
import { compileRules, type CompiledPattern } from './compile-rules.ts';
import { deriveRates, sumParts } from './derive.ts';
import { buildDocumentContext, type DocumentContext } from './document-context.ts';
import { figureTime } from './figure-time.ts';
import { HONESTY_CHECKS, isRangeEnd, OWN_DEPARTMENT, THRESHOLD_AFTER } from './honesty.ts';
import { shiftPeriod } from './period.ts';
import { readPipeTables } from './pipe-tables.ts';
import { ALL_RULES } from './rules/index.ts';
import { clauseEnd, clauseStart, lookback, LOOKBACK, PARAGRAPH_LOOKBACK, splitSentences, type Sentence } from './segments.ts';

const DEFAULT_RULES = compileRules(ALL_RULES);

/** Everything one report needs while its sentences are read. */
interface Reading {
  report: Report;
  mapped: MappedText;
  context: DocumentContext;
  observations: Observation[];
  parts: Observation[];
  rejects: Reject[];
  /** Quotes already cut, by sentence start: a sentence with many figures is cut once. */
  quotes: Map<number, { quote: string; start: number }>;
  /** For a table row read as a virtual sentence: the row's line in the body (its quote) and its place in the text. */
  tableRow?: { quoteStart: number; quoteEnd: number; position: number };
}

/**
 * Reads one report sentence by sentence: every rule proposes candidates, the nearest cue wins
 * each number, honesty checks reject what is not a figure, and the derivations run last.
 */
export function extractReport(report: Report, rules: readonly CompiledPattern[] = DEFAULT_RULES): ExtractionResult {
  const mapped = normalise(report.body);
  const reading: Reading = { report, mapped, context: buildDocumentContext(report, mapped.text), observations: [], parts: [], rejects: [], quotes: new Map() };
  for (const sentence of splitSentences(mapped.text)) readSentence(reading, sentence, rules);
  for (const row of readPipeTables(mapped)) {
    const [quoteStart, quoteEnd] = toBodySpan(mapped, row.line.start, row.line.end);
    const whole = { start: 0, end: row.mapped.text.length };
    readSentence({ ...reading, quotes: new Map(), mapped: row.mapped, tableRow: { quoteStart, quoteEnd, position: row.line.start } }, { ...whole, paragraph: whole }, rules);
  }

  const { totals, rejects: partRejects } = sumParts(reading.parts, reading.observations);
  const observations = [...reading.observations, ...totals];
  observations.push(...deriveRates(observations));
  const withText = partRejects.map((r) => ({ ...r, text: report.body.slice(r.span_start, r.span_end) }));
  return {
    observations: observations.sort(byPosition),
    rejects: [...reading.rejects, ...withText].sort(byPosition),
  };
}

function readSentence(reading: Reading, sentence: Sentence, rules: readonly CompiledPattern[]): void {
  const byNumber = new Map<number, Candidate[]>();
  for (const candidate of findCandidates(reading.mapped.text, sentence, rules)) {
    byNumber.set(candidate.numberStart, [...(byNumber.get(candidate.numberStart) ?? []), candidate]);
  }
  for (const group of [...byNumber.entries()].sort(([a], [b]) => a - b).map(([, g]) => g)) {
    const passing: Candidate[] = [];
    const shared: Candidate[] = [];
    let firstFailure: { candidate: Candidate; reason: string } | null = null;
    for (const candidate of group) {
      const failure = ruleFailure(reading, candidate);
      if (failure === null) (candidate.rule.pattern.shared ? shared : passing).push(candidate);
      else if (failure.informative && !firstFailure) firstFailure = { candidate, reason: failure.reason };
    }
    for (const candidate of shared) accept(reading, candidate);
    if (shared.length > 0 && passing.length === 0) continue;
    if (passing.length === 0) {
      if (firstFailure) reject(reading, firstFailure.candidate, firstFailure.reason);
      continue;
    }
    const winner = passing.reduce((best, c) => (c.gap.length < best.gap.length || (c.gap.length === best.gap.length && c.rule.priority < best.rule.priority) ? c : best));
    accept(reading, winner);
  }
}

/** Why a rule's reading does not hold here; `informative` failures are worth a reject row. */
function ruleFailure(reading: Reading, c: Candidate): { reason: string; informative: boolean } | null {
  const { text } = reading.mapped;
  const { table, pattern } = c.rule;
  // The topic may follow the figure within its clause: 审结的262件行政复议案件中.
  const through = clauseEnd(text, Math.max(c.figureEnd, c.cueStart + 1), c.sentence.end);
  const before = (from: number) => text.slice(from, through);
  if (table.topic) {
    const topic = new RegExp(table.topic);
    const scope = table.topicScope ?? 'sentence';
    const at = Math.min(c.cueStart, c.figureStart);
    const from = scope === 'clause' ? clauseStart(text, at, c.sentence.start)
      : scope === 'sentence' ? lookback(at, c.sentence.start) : lookback(at, c.sentence.paragraph.start, PARAGRAPH_LOOKBACK);
    const inTitle = scope === 'title-or-paragraph' && topic.test(reading.context.titleText);
    if (!inTitle && !topic.test(before(from))) return { reason: 'topic absent', informative: false };
  }
  if (pattern.requires && !new RegExp(pattern.requires).test(before(lookback(c.figureStart, c.sentence.start)))) return { reason: 'required words absent', informative: false };
  if (pattern.gapExcludes && new RegExp(pattern.gapExcludes).test(c.gap)) return { reason: 'gap excluded', informative: false };
  const clause = text.slice(clauseStart(text, Math.min(c.cueStart, c.figureStart), c.sentence.start), c.figureStart);
  const excluded = table.excludes ? new RegExp(table.excludes).exec(clause) : null;
  if (excluded) return { reason: `not ${table.indicator}: "${excluded[0]}" marks another body or another measure`, informative: true };
  const paragraphExcluded = table.paragraphExcludes ? new RegExp(table.paragraphExcludes).exec(text.slice(lookback(c.figureStart, c.sentence.paragraph.start, PARAGRAPH_LOOKBACK), c.figureStart)) : null;
  if (paragraphExcluded) return { reason: `not ${table.indicator}: the paragraph is about "${paragraphExcluded[0]}"`, informative: true };
  const sentenceExcluded = table.sentenceExcludes ? new RegExp(table.sentenceExcludes).exec(text.slice(lookback(c.figureStart, c.sentence.start), c.figureStart)) : null;
  if (sentenceExcluded) return { reason: `not ${table.indicator}: "${sentenceExcluded[0]}" in the sentence marks another body or measure`, informative: true };
  if (table.regionWide && reading.report.meta.publisher_kind === 'department' && OWN_DEPARTMENT.test(text.slice(lookback(c.figureStart, c.sentence.start), Math.min(c.sentence.end, c.figureEnd + LOOKBACK)))) {
    return { reason: `a department's own ${table.indicator} figure, not the region's`, informative: true };
  }
  if (table.publisherExcludes && new RegExp(table.publisherExcludes).test(reading.report.meta.publisher)) {
    return { reason: `the publisher (${reading.report.meta.publisher}) reports its own ${table.indicator} figure, not the region's`, informative: true };
  }
  return null;
}

function accept(reading: Reading, c: Candidate): void {
  const { text } = reading.mapped;
  const clause = text.slice(clauseStart(text, Math.min(c.cueStart, c.figureStart), c.sentence.start), c.figureStart);
  const sentencePrefix = text.slice(lookback(c.figureStart, c.sentence.start), c.figureStart);
  for (const check of HONESTY_CHECKS) {
    const hit = (check.clause && check.clause.exec(clause)) || (check.sentence && check.sentence.exec(sentencePrefix));
    if (hit) return reject(reading, c, `${check.reason} ("${hit[0]}")`);
  }
  if ((reading.tableRow?.position ?? c.figureStart) >= reading.context.planSectionStart) return reject(reading, c, 'in the plans section, a target not a figure');
  if (isRangeEnd(text, c.numberStart, c.numberEnd)) return reject(reading, c, 'one end of a range, not a single figure');
  if (THRESHOLD_AFTER.test(text.slice(c.numberEnd, c.figureEnd + 4))) {
    return reject(reading, c, 'a threshold (N以上的…), not a figure');
  }
  const time = figureTime(text, c.sentence, c.figureStart, reading.context);
  if (time.multiYear) return reject(reading, c, time.multiYear);

  const observation = makeObservation(reading, c, time.year, time.period);
  if (c.rule.pattern.role === 'part') { reading.parts.push(observation); return; }
  reading.observations.push(observation);
  addConsecutiveYears(reading, c, observation);
  addPriorYear(reading, c, observation);
}

function makeObservation(reading: Reading, c: Candidate, year: number, period: string): Observation {
  const { meta, body } = reading.report;
  const [spanStart, spanEnd] = toBodySpan(reading.mapped, c.figureStart, c.figureEnd);
  const indicator = getIndicator(c.rule.table.indicator);
  const quote = quoteOf(reading, c.sentence);
  return {
    region_code: meta.region_code, region_name: meta.region_name, year, period,
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
    reading.rejects.push({ report_id: current.report_id, indicator_id: current.indicator_id, rule_id: `${current.indicator_id}/prior-year-from-change`, reason: prior.reason, text: reading.report.body.slice(spanStart, spanEnd), quote: current.quote, span_start: spanStart, span_end: spanEnd });
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

function reject(reading: Reading, c: Candidate, reason: string): void {
  const [spanStart, spanEnd] = toBodySpan(reading.mapped, c.figureStart, c.figureEnd);
  reading.rejects.push({
    report_id: reading.report.meta.id, indicator_id: c.rule.table.indicator, rule_id: c.rule.ruleId, reason,
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
