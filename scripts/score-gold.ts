/**
 * Prints precision and recall of the extractor against the gold files, per labelled set (the
 * shipped corpus, the provincial evaluation set), per core indicator, per time class, and what
 * became of every labelled trap (held by which frame dimension, or leaked); `--verbose` lists every
 * disagreement. Usage: npm run score [-- --set shipped|provincial] [--verbose]
 */
import { extractReport } from '../src/core/extract/extract-report.ts';
import type { ExtractionResult } from '../src/core/types.ts';
import { scoreAgainstGold, type IndicatorScore } from './lib/gold.ts';
import { GOLD_SETS, readGoldSet, type GoldSet } from './lib/gold-sets.ts';
import { trapOutcomes } from './lib/trap-outcomes.ts';

const args = process.argv.slice(2);
const only = args.includes('--set') ? args[args.indexOf('--set') + 1] : null;
const verbose = args.includes('--verbose');
const pct = (x: number) => (x * 100).toFixed(1).padStart(6);
const line = (s: IndicatorScore) => `${s.indicator.padEnd(40)} ${String(s.truePositives).padStart(4)} ${String(s.falsePositives).padStart(4)} ${String(s.falseNegatives).padStart(4)} ${pct(s.precision)}% ${pct(s.recall)}%`;
const header = `${''.padEnd(40)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)} precision recall`;

for (const { name } of GOLD_SETS) {
  if (only && only !== name) continue;
  const set: GoldSet = readGoldSet(name);
  if (set.failures.length > 0) throw new Error(set.failures.map((f) => f.reason).join('\n'));
  const results: ExtractionResult[] = set.reports.map((report) => extractReport(report));
  const score = scoreAgainstGold(set.gold, results.flatMap((r) => r.observations), set.reports, results.flatMap((r) => r.rejects));
  console.log(`\n== ${name}: ${set.reports.length} reports ==\n${header}`);
  for (const s of score.perIndicator) if (s.truePositives + s.falsePositives + s.falseNegatives > 0) console.log(line(s));
  console.log(line(score.overall));
  console.log(`-- per time class --\n${header}`);
  for (const s of score.perClass) console.log(line(s));
  const traps = trapOutcomes(set, results);
  console.log(`-- traps (${traps.total}): ${Object.entries(traps.heldBy).map(([by, n]) => `held by ${by} ${n}`).join(', ')}, leaked ${traps.leaked.length}`);
  if (verbose) {
    for (const m of score.mismatches) console.log(`${m.side.padEnd(11)} ${m.report_id} ${m.indicator} ${m.year} ${m.period} ${m.value} | ${m.quote}`);
    for (const t of traps.leaked) console.log(`trap leaked ${t.report_id} ${t.indicator} ${t.value} | ${t.evidence} (${t.why})`);
  }
}
