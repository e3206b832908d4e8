/**
 * Prints precision and recall of the extractor against the hand-checked gold files, per core
 * indicator and overall, and lists every disagreement (`--verbose`).
 * Usage: npm run score [-- --verbose]
 */
import { extractReport } from '../src/core/extract/extract-report.ts';
import { readGold, scoreAgainstGold } from './lib/gold.ts';
import { readReports } from './lib/read-reports.ts';

const { reports } = readReports('data/reports');
const observations = reports.flatMap((report) => extractReport(report).observations);
const { perIndicator, overall, mismatches } = scoreAgainstGold(readGold('tests/gold'), observations);
const pct = (x: number) => (x * 100).toFixed(1).padStart(6);
console.log(`${'indicator'.padEnd(40)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)} precision recall`);
for (const s of [...perIndicator, overall]) {
  console.log(`${s.indicator.padEnd(40)} ${String(s.truePositives).padStart(4)} ${String(s.falsePositives).padStart(4)} ${String(s.falseNegatives).padStart(4)} ${pct(s.precision)}% ${pct(s.recall)}%`);
}
if (process.argv.includes('--verbose')) {
  for (const m of mismatches) console.log(`${m.side.padEnd(6)} ${m.report_id} ${m.indicator} ${m.year} ${m.period} ${m.value} | ${m.quote}`);
}
