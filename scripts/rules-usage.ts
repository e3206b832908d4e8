/**
 * Which rule-table entries fire on the corpus (the shipped reports and the provincial evaluation
 * set), so that dead entries are seen: every concept pattern (when it wins a number), every
 * concept exclusion, every frame cue and judgement. Also counts the exclusion words left in the
 * rule tables. Usage: npm run rules:usage
 */
import { conceptExclusionId } from '../src/core/extract/concept-check.ts';
import { extractReport } from '../src/core/extract/extract-report.ts';
import { FRAME_CUES } from '../src/core/extract/frame/frame-cues.ts';
import { ALL_JUDGEMENTS } from '../src/core/extract/frame/judgements.ts';
import { ALL_RULES } from '../src/core/extract/rules/index.ts';
import { GOLD_SETS, readGoldSet } from './lib/gold-sets.ts';

const counts = new Map<string, number>();
const entries: Array<{ kind: string; id: string }> = [
  ...ALL_RULES.flatMap((t) => t.patterns.map((p) => ({ kind: 'concept pattern', id: `${t.indicator}/${p.id}` }))),
  ...ALL_RULES.flatMap((t) => (t.notThisConcept ?? []).map((e, i) => ({ kind: `concept exclusion (${e.words})`, id: conceptExclusionId(t.indicator, i) }))),
  ...FRAME_CUES.map((c) => ({ kind: `frame cue ${c.dimension}:${c.value}`, id: c.id })),
  ...ALL_JUDGEMENTS.map((j) => ({ kind: `judgement ${j.dimension}:${j.value}`, id: j.id })),
];
for (const { id } of entries) counts.set(id, 0);

let reportsRead = 0;
for (const { name } of GOLD_SETS) {
  const { reports } = readGoldSet(name);
  reportsRead += reports.length;
  for (const report of reports) extractReport(report, { fired: (id) => counts.set(id, (counts.get(id) ?? 0) + 1) });
}

console.log(`${reportsRead} reports (${GOLD_SETS.map((s) => s.name).join(' + ')})\n`);
console.log(`${'fires'.padStart(6)}  ${'entry'.padEnd(52)} kind`);
for (const { kind, id } of entries) console.log(`${String(counts.get(id)).padStart(6)}  ${id.padEnd(52)} ${kind}`);
const dead = entries.filter(({ id }) => counts.get(id) === 0);
const words = ALL_RULES.flatMap((t) => (t.notThisConcept ?? []).flatMap((e) => e.words.split('|')));
console.log(`\n${dead.length} of ${entries.length} entries never fire on this corpus (each still has an example sentence its test runs).`);
console.log(`Exclusion words left in the rule tables: ${words.length} (in ${ALL_RULES.reduce((n, t) => n + (t.notThisConcept?.length ?? 0), 0)} concept exclusions, each with its reason and example).`);
