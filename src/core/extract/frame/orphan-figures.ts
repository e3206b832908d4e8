import { NUMBER_SOURCE } from '../../numbers/parse-quantity.ts';
import type { Candidate } from '../candidates.ts';
import type { CompiledPattern } from '../compile-rules.ts';
import type { Sentence } from '../segments.ts';
import { nearWindows } from './decide-frame.ts';
import { MEASURE_CUES } from './frame-cues.ts';
import type { FrameWhy } from './frame.ts';

/**
 * Numbers no concept claims but whose own words say what they are about an indicator: a rank
 * (排名第3), a share (占比27.4%), a change (增幅为12.1%, 较上年减少126件) or a threshold (10件以上的部门)
 * printed beside a concept's words. They are never figures; they go to rejects with their frame,
 * so a reader sees that the number was read and why it was not taken.
 */
export interface OrphanFigure { start: number; end: number; indicator: string; why: FrameWhy; dimension: 'measure' | 'subject'; value: 'change' | 'share' | 'threshold' | 'rank' | 'part' }

/** Where the reading stands: the figures accepted so far, by indicator and end, in text order. */
export interface AcceptedSoFar { indicator: string; end: number }

/**
 * Words that make an unclaimed count after a total a part of it: 其中…, 咨询类2140件, 涉及征收的9件,
 * 电话渠道61204件, 城关镇312件, 撤销7件.
 */
const PART_OF_TOTAL = /其中|此类|该类|这类|[\u4e00-\u9fff]{1,6}(?:类|方面|渠道)|涉及[^，,。；;]{1,12}的|[\u4e00-\u9fff]{2,4}(?:镇|乡|街道|社区)|撤销|变更|确认违法|责令履行|维持|驳回/;

const NUMBER_WITH_UNIT = new RegExp(`(?<rank>第)?${NUMBER_SOURCE}(?<unit>%|个百分点|百分点|[件宗起项个名人条次场批份卷本位]+次?)?`, 'g');
/** A year, a date, a month or a document number is not a figure. */
const NOT_A_FIGURE_AFTER = /^(?:年|月|日|号|时|届|号文|次会议|季度|周|批次?以来)/;

export function findOrphanFigures(text: string, sentence: Sentence, candidates: readonly Candidate[], rules: readonly CompiledPattern[],
  accepted: readonly AcceptedSoFar[]): OrphanFigure[] {
  const orphans: OrphanFigure[] = [];
  const body = text.slice(sentence.start, sentence.end);
  for (const m of body.matchAll(NUMBER_WITH_UNIT)) {
    const start = sentence.start + m.index;
    const end = start + m[0].length;
    if (candidates.some((c) => c.figureStart < end && c.figureEnd > start)) continue;
    if (NOT_A_FIGURE_AFTER.test(text.slice(end, end + 4))) continue;
    const measure = measureOf(text, sentence, start, end);
    // A bare number (提高0.4和1.2个百分点) counts only when its own words say it is a change or a rank.
    if (!m.groups!.unit && !m.groups!.rank && measure?.why.cue !== 'change-verb') continue;
    if (measure) {
      const indicator = acceptedIn(accepted, sentence.start, start, rules, measure.value === 'share')
        ?? conceptBefore(text, sentence, start, candidates, rules, measure.value === 'share')
        ?? acceptedIn(accepted, sentence.paragraph.start, start, rules, measure.value === 'share');
      if (indicator) orphans.push({ start, end, indicator, dimension: 'measure', ...measure });
      continue;
    }
    const part = partOfTotal(text, sentence, start, m.groups!.unit ?? '', accepted, rules);
    if (part) orphans.push({ start, end, ...part });
  }
  return orphans;
}

/** The last figure accepted between `floor` and the number (a count when a share is of a count). */
function acceptedIn(accepted: readonly AcceptedSoFar[], floor: number, position: number, rules: readonly CompiledPattern[], countsOnly: boolean): string | null {
  for (let i = accepted.length - 1; i >= 0 && accepted[i]!.end >= floor; i -= 1) {
    const a = accepted[i]!;
    if (a.end > position) continue;
    if (!countsOnly || unitsOf(rules, a.indicator)[0] !== '%') return a.indicator;
  }
  return null;
}

const unitsOf = (rules: readonly CompiledPattern[], indicator: string) => rules.find((r) => r.table.indicator === indicator)?.table.units ?? [];

/** A count after a total of the same indicator (same sentence or paragraph), marked as one part of it. */
function partOfTotal(text: string, sentence: Sentence, start: number, unit: string, accepted: readonly AcceptedSoFar[], rules: readonly CompiledPattern[]): Omit<OrphanFigure, 'start' | 'end'> | null {
  const indicator = acceptedIn(accepted, sentence.paragraph.start, start, rules, true);
  if (!indicator || !unitsOf(rules, indicator).includes(unit)) return null;
  const total = [...accepted].reverse().find((a) => a.indicator === indicator && a.end <= start)!;
  let phraseStart = start;
  while (phraseStart > Math.max(total.end, start - 24) && !/[，,。；;：:\n]/.test(text[phraseStart - 1]!)) phraseStart -= 1;
  const since = text.slice(total.end, start);
  const hit = PART_OF_TOTAL.exec(text.slice(phraseStart, start)) ?? /其中/.exec(since);
  return hit ? { indicator, dimension: 'subject', value: 'part', why: { dimension: 'subject', cue: 'part-after-total', matched: hit[0] } } : null;
}

function measureOf(text: string, sentence: Sentence, start: number, end: number): { value: OrphanFigure['value']; why: FrameWhy } | null {
  let leadStart = start;
  while (leadStart > Math.max(sentence.start, start - 16) && !/[，,。；;：:、和及与\n]/.test(text[leadStart - 1]!)) leadStart -= 1;
  const windows: Partial<Record<string, string>> = nearWindows(text, sentence, start, end, text.slice(leadStart, start));
  if (text[start] === '第') return { value: 'rank', why: { dimension: 'measure', cue: 'rank', matched: text.slice(start, end) } };
  for (const cue of MEASURE_CUES) {
    const window = windows[cue.where];
    const hit = window === undefined ? null : cue.pattern.exec(window);
    if (hit) return { value: cue.value as OrphanFigure['value'], why: { dimension: 'measure', cue: cue.id, matched: hit[0] } };
  }
  return null;
}

/** The indicator the sentence spoke of last before the number: a candidate's, else a rule cue's. A share is of a count. */
function conceptBefore(text: string, sentence: Sentence, position: number, candidates: readonly Candidate[], rules: readonly CompiledPattern[], countsOnly: boolean): string | null {
  const fits = (rule: CompiledPattern) => !countsOnly || rule.table.units[0] !== '%';
  let best: { at: number; indicator: string } | null = null;
  for (const c of candidates) {
    if (c.figureEnd <= position && fits(c.rule) && (!best || c.figureEnd > best.at)) best = { at: c.figureEnd, indicator: c.rule.table.indicator };
  }
  if (best) return best.indicator;
  const before = text.slice(sentence.start, position);
  for (const rule of rules) {
    if (!fits(rule) || !rule.cueTest.test(before)) continue;
    const at = before.search(rule.cueTest);
    if (!best || at > best.at) best = { at, indicator: rule.table.indicator };
  }
  if (best) return best.indicator;
  // No cue, but the sentence names a concept's topic (被申请行政复议10件以上的部门): its first count.
  const byTopic = rules.find((rule) => fits(rule) && rule.topicTest?.test(before));
  return byTopic?.table.indicator ?? null;
}
