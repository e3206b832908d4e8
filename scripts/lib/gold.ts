import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CORE_INDICATOR_IDS } from '../../src/core/catalog/indicators.ts';
import type { Observation } from '../../src/core/types.ts';

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
export interface Mismatch { report_id: string; indicator: string; year: number; period: string; value: number; side: 'extra' | 'missed'; quote: string }

const sameValue = (a: number, b: number) => Math.abs(a - b) <= Math.max(0.011, 0.001 * Math.abs(b));

/**
 * Precision and recall per core indicator over unique (indicator, year, period, value) keys per
 * report: a figure printed twice counts once, and a value where the gold has none is a false positive.
 */
export function scoreAgainstGold(gold: GoldFile[], extracted: Observation[]): { perIndicator: IndicatorScore[]; overall: IndicatorScore; mismatches: Mismatch[] } {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>(CORE_INDICATOR_IDS.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const mismatches: Mismatch[] = [];
  for (const file of gold) {
    const found = uniqueKeys(extracted.filter((o) => o.report_id === file.report_id && o.value !== null && counts.has(o.indicator_id)));
    const expected = file.observations.filter((g) => counts.has(g.indicator));
    const matched = new Set<number>();
    for (const g of expected) {
      const index = found.findIndex((o, i) => !matched.has(i) && o.indicator_id === g.indicator && o.year === g.year && o.period === g.period && sameValue(o.value!, g.value));
      const tally = counts.get(g.indicator)!;
      if (index >= 0) { matched.add(index); tally.tp += 1; } else {
        tally.fn += 1;
        mismatches.push({ report_id: file.report_id, indicator: g.indicator, year: g.year, period: g.period, value: g.value, side: 'missed', quote: g.evidence });
      }
    }
    found.forEach((o, i) => {
      if (matched.has(i)) return;
      counts.get(o.indicator_id)!.fp += 1;
      mismatches.push({ report_id: file.report_id, indicator: o.indicator_id, year: o.year, period: o.period, value: o.value!, side: 'extra', quote: o.quote.slice(0, 120) });
    });
  }
  const perIndicator = [...counts.entries()].map(([indicator, c]) => toScore(indicator, c.tp, c.fp, c.fn));
  const total = [...counts.values()].reduce((sum, c) => ({ tp: sum.tp + c.tp, fp: sum.fp + c.fp, fn: sum.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return { perIndicator, overall: toScore('overall', total.tp, total.fp, total.fn), mismatches };
}

function uniqueKeys(observations: Observation[]): Observation[] {
  const seen = new Map<string, Observation>();
  for (const o of observations) {
    const key = `${o.indicator_id}|${o.year}|${o.period}|${o.value!.toFixed(2)}`;
    if (!seen.has(key)) seen.set(key, o);
  }
  return [...seen.values()];
}

function toScore(indicator: string, tp: number, fp: number, fn: number): IndicatorScore {
  return { indicator, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}
