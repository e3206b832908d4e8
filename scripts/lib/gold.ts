import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CORE_INDICATOR_IDS } from '../../src/core/catalog/indicators.ts';
import type { Observation, Reject, Report } from '../../src/core/types.ts';

/** One hand-checked figure (docs/GOLD-GUIDE.md). */
export interface GoldObservation {
  indicator: string;
  value: number;
  year: number;
  period: string;
  approx: string;
  kind: string;
  evidence: string;
  inputs?: string[];
}

export interface GoldFile { report_id: string; observations: GoldObservation[]; traps?: Array<{ evidence: string; why: string }> }

export function readGold(dir: string): GoldFile[] {
  return readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort().map((name) => {
    const gold = parse(readFileSync(join(dir, name), 'utf8')) as GoldFile;
    gold.observations = (gold.observations ?? []).map((o) => ({ ...o, period: String(o.period) }));
    return gold;
  });
}

export interface IndicatorScore { indicator: string; truePositives: number; falsePositives: number; falseNegatives: number; precision: number; recall: number }
export interface Mismatch { report_id: string; indicator: string; year: number; period: string; value: number; side: 'extra' | 'missed' | 'wrong quote'; quote: string }

/** The time class of a figure, for scores per frame class: the report's year, a part of it, another year, or computed. */
export type TimeClass = 'year' | 'part-year' | 'other-year' | 'derived';

export interface GoldScore { perIndicator: IndicatorScore[]; perClass: IndicatorScore[]; overall: IndicatorScore; mismatches: Mismatch[] }

const sameValue = (a: number, b: number) => Math.abs(a - b) <= Math.max(0.011, 0.001 * Math.abs(b));

const timeClass = (kind: string, year: number, period: string, reportYear: number): TimeClass =>
  kind === 'derived' ? 'derived' : period !== 'year' ? 'part-year' : year === reportYear ? 'year' : 'other-year';

/**
 * Precision and recall per core indicator over unique (indicator, year, period, value) keys per
 * report: a figure printed twice counts once, and a value where the gold has none is a false
 * positive. A match must also come from the labelled sentence: the row's quote has to overlap an
 * occurrence of the gold evidence in the body (else it is counted as a `wrong quote`: one miss and
 * one extra). Scores are also given per time class (`perClass`).
 */
export function scoreAgainstGold(gold: GoldFile[], extracted: Observation[], reports: readonly Report[], rejects: readonly Reject[] = []): GoldScore {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>(CORE_INDICATOR_IDS.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const classes = new Map<TimeClass, { tp: number; fp: number; fn: number }>((['year', 'part-year', 'other-year', 'derived'] as const).map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const mismatches: Mismatch[] = [];
  for (const file of gold) {
    const report = reports.find((r) => r.meta.id === file.report_id);
    if (!report) throw new Error(`gold file ${file.report_id} has no report`);
    const found = groupByKey(extracted.filter((o) => o.report_id === file.report_id && o.value !== null && counts.has(o.indicator_id)));
    const expected = file.observations.filter((g) => counts.has(g.indicator));
    const matched = new Set<number>();
    for (const g of expected) {
      const gClass = classes.get(timeClass(g.kind, g.year, g.period, report.meta.year))!;
      const index = found.findIndex((group, i) => !matched.has(i) && group[0]!.indicator_id === g.indicator && group[0]!.year === g.year && group[0]!.period === g.period && sameValue(group[0]!.value!, g.value));
      const tally = counts.get(g.indicator)!;
      const printings = index >= 0 ? [...found[index]!, ...alternatives(report.body, rejects, found[index]![0]!)] : [];
      if (index >= 0 && printings.some((o) => quoteHolds(report.body, o, g))) { matched.add(index); tally.tp += 1; gClass.tp += 1; continue; }
      tally.fn += 1; gClass.fn += 1;
      const side = index >= 0 ? 'wrong quote' : 'missed';
      mismatches.push({ report_id: file.report_id, indicator: g.indicator, year: g.year, period: g.period, value: g.value, side, quote: g.evidence });
    }
    found.forEach((group, i) => {
      if (matched.has(i)) return;
      const o = group[0]!;
      counts.get(o.indicator_id)!.fp += 1;
      classes.get(timeClass(o.value_kind, o.year, o.period, report.meta.year))!.fp += 1;
      mismatches.push({ report_id: file.report_id, indicator: o.indicator_id, year: o.year, period: o.period, value: o.value!, side: 'extra', quote: o.quote.slice(0, 120) });
    });
  }
  const perIndicator = [...counts.entries()].map(([indicator, c]) => toScore(indicator, c.tp, c.fp, c.fn));
  const perClass = [...classes.entries()].map(([name, c]) => toScore(name, c.tp, c.fp, c.fn));
  const total = [...counts.values()].reduce((sum, c) => ({ tp: sum.tp + c.tp, fp: sum.fp + c.fp, fn: sum.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return { perIndicator, perClass, overall: toScore('overall', total.tp, total.fp, total.fn), mismatches };
}

/** The later printings of a figure, which extraction keeps as `duplicate` rejects: the same figure, quoted elsewhere. */
function alternatives(body: string, rejects: readonly Reject[], kept: Observation): Array<Pick<Observation, 'quote' | 'quote_start'>> {
  return rejects
    .filter((r) => r.frame === 'duplicate' && r.report_id === kept.report_id && r.indicator_id === kept.indicator_id
      && r.reason.includes(`at characters ${kept.span_start}–${kept.span_end}`))
    .map((r) => ({ quote: r.quote, quote_start: body.lastIndexOf(r.quote, r.span_start) }));
}

/** The row's quote overlaps an occurrence of the labelled evidence (or, for a derived value, of one of its inputs). */
function quoteHolds(body: string, o: Pick<Observation, 'quote' | 'quote_start'>, g: GoldObservation): boolean {
  const quoteEnd = o.quote_start + o.quote.length;
  for (const evidence of [g.evidence, ...(g.inputs ?? [])]) {
    for (let at = body.indexOf(evidence); at >= 0; at = body.indexOf(evidence, at + 1)) {
      if (at < quoteEnd && at + evidence.length > o.quote_start) return true;
    }
  }
  return false;
}

function groupByKey(observations: Observation[]): Observation[][] {
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    const key = `${o.indicator_id}|${o.year}|${o.period}|${o.value!.toFixed(2)}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  return [...groups.values()];
}

function toScore(indicator: string, tp: number, fp: number, fn: number): IndicatorScore {
  return { indicator, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}
