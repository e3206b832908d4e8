import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORE_INDICATOR_IDS, getIndicator } from '../../../src/core/catalog/indicators.ts';
import { extractReport } from '../../../src/core/extract/extract-report.ts';
import { scoreAgainstGold } from '../../../scripts/lib/gold.ts';
import { GOLD_SETS, readGoldSet } from '../../../scripts/lib/gold-sets.ts';

/**
 * The bar for extraction quality against gold labelled by reading, before extraction, per set:
 * the shipped corpus and the provincial evaluation set (docs/GOLD-GUIDE.md).
 */
const MIN_PRECISION = 0.98;
const MIN_RECALL = 0.95;

describe.each(GOLD_SETS.map((s) => [s.name, s] as const))('gold set %s', (name, paths) => {
  const { reports, failures, gold } = readGoldSet(name);

  it('has a gold file for every report and only for reports', () => {
    expect(failures).toEqual([]);
    expect(gold.map((g) => g.report_id).sort()).toEqual(reports.map((r) => r.meta.id).sort());
    expect(readdirSync(paths.gold).filter((f) => f.endsWith('.yaml'))).toHaveLength(reports.length);
  });

  it('quotes every figure and trap verbatim from its report, with a core indicator id', () => {
    const problems: string[] = [];
    for (const file of gold) {
      const body = reports.find((r) => r.meta.id === file.report_id)!.body;
      for (const o of file.observations) {
        if (!CORE_INDICATOR_IDS.includes(o.indicator)) problems.push(`${file.report_id}: unknown indicator ${o.indicator}`);
        for (const quoted of [o.evidence, ...(o.inputs ?? [])]) {
          if (!body.includes(quoted)) problems.push(`${file.report_id}: evidence not in the report: ${quoted}`);
        }
        if (!['exact', 'at_least', 'at_most', 'about'].includes(o.approx)) problems.push(`${file.report_id}: approx ${o.approx}`);
        if (!['reported', 'derived'].includes(o.kind)) problems.push(`${file.report_id}: kind ${o.kind}`);
        if (o.kind === 'reported' && getIndicator(o.indicator).unit === '%' && (o.value < 0 || o.value > 100)) problems.push(`${file.report_id}: percent out of range`);
      }
      for (const trap of file.traps ?? []) if (!body.includes(trap.evidence)) problems.push(`${file.report_id}: trap not in the report: ${trap.evidence}`);
    }
    expect(problems).toEqual([]);
  });

  it(`extracts with precision ≥ ${MIN_PRECISION} and recall ≥ ${MIN_RECALL}, every match quoting its labelled sentence`, () => {
    const results = reports.map((report) => extractReport(report));
    const { perIndicator, overall, mismatches } = scoreAgainstGold(gold, results.flatMap((r) => r.observations), reports, results.flatMap((r) => r.rejects));
    const table = [...perIndicator, overall].filter((s) => s.truePositives + s.falsePositives + s.falseNegatives > 0)
      .map((s) => `${s.indicator.padEnd(40)} P ${(s.precision * 100).toFixed(1)}% R ${(s.recall * 100).toFixed(1)}% (TP ${s.truePositives}, FP ${s.falsePositives}, FN ${s.falseNegatives})`);
    console.log(`${name}\n${table.join('\n')}`);
    if (mismatches.length > 0) console.log(mismatches.map((m) => `${m.side} ${m.report_id} ${m.indicator} ${m.year} ${m.period} ${m.value} | ${m.quote}`).join('\n'));
    expect(overall.truePositives).toBeGreaterThan(name === 'shipped' ? 100 : 5);
    expect(overall.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(overall.recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });
});

describe('the shipped gold', () => {
  it('covers every core indicator at least once', () => {
    const { reports, gold } = readGoldSet('shipped');
    const results = reports.map((report) => extractReport(report));
    const { perIndicator } = scoreAgainstGold(gold, results.flatMap((r) => r.observations), reports, results.flatMap((r) => r.rejects));
    expect(perIndicator.filter((s) => s.truePositives + s.falseNegatives === 0).map((s) => s.indicator)).toEqual([]);
  });
});
