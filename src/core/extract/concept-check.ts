import type { Candidate } from './candidates.ts';
import { clauseEnd, clauseStart, lookback, PARAGRAPH_LOOKBACK } from './segments.ts';

/**
 * Whether a candidate's number is this concept's at all: the topic stands where the table says,
 * the pattern's narrower words are there, and none of the concept's few exclusions holds. Whose
 * figure, which time and what kind of quantity are not judged here: frame/ judges them for all.
 * `informative` failures are worth a reject row (a concept exclusion names its reason).
 */
export interface ConceptFailure { id: string; reason: string; informative: boolean; frame?: string }

/** Another body named in the sentence: a hall, centre, platform, court or another service number. */
const OTHER_BODY_NAMED = /法院|检察院|政务服务中心|服务中心|大厅|平台|网格|(?<!\d)(?!12345)1\d{4}(?!\d)/;

export function conceptFailure(text: string, c: Candidate, titleText: string): ConceptFailure | null {
  const { table } = c.rule;
  // The topic may follow the figure within its clause: 审结的262件行政复议案件中.
  const through = clauseEnd(text, Math.max(c.figureEnd, c.cueStart + 1), c.sentence.end);
  const before = (from: number) => text.slice(from, through);
  const topic = c.rule.topicTest;
  if (topic) {
    const scope = table.topicScope ?? 'sentence';
    const at = Math.min(c.cueStart, c.figureStart);
    const from = scope === 'clause' ? clauseStart(text, at, c.sentence.start)
      : scope === 'sentence' ? lookback(at, c.sentence.start) : lookback(at, c.sentence.paragraph.start, PARAGRAPH_LOOKBACK);
    const inTitle = scope === 'title-or-paragraph' && topic.test(titleText);
    if (!inTitle && !topic.test(before(from))) {
      // The concept's words without its topic, in a sentence about another body (a service hall, a
      // platform, a court): that body's figure, worth saying so.
      const body = OTHER_BODY_NAMED.exec(text.slice(lookback(c.figureStart, c.sentence.start), c.figureStart));
      return body
        ? { id: 'topic-absent-other-body', reason: `not ${table.indicator}: the sentence is about "${body[0]}", not ${table.topic}`, informative: true, frame: 'subject:other-body' }
        : { id: '', reason: 'topic absent', informative: false };
    }
  }
  if (c.rule.requiresTest && !c.rule.requiresTest.test(before(lookback(c.figureStart, c.sentence.start)))) return { id: '', reason: 'required words absent', informative: false };
  const windows = {
    lead: c.gap,
    clause: text.slice(clauseStart(text, Math.min(c.cueStart, c.figureStart), c.sentence.start), c.figureStart),
    sentence: text.slice(lookback(c.figureStart, c.sentence.start), c.figureStart),
  };
  for (const [index, exclusion] of (table.notThisConcept ?? []).entries()) {
    const hit = c.rule.exclusionTests[index]!.exec(windows[exclusion.where]);
    if (hit) return { id: conceptExclusionId(table.indicator, index), reason: `not ${table.indicator}: "${hit[0]}": ${exclusion.why}`, informative: true };
  }
  return null;
}

export const conceptExclusionId = (indicator: string, index: number) => `${indicator}/not-this-concept-${index + 1}`;
