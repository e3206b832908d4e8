import { CORE_INDICATOR_IDS } from '../../src/core/catalog/indicators.ts';
import type { ExtractionResult, Report } from '../../src/core/types.ts';
import type { GoldSet } from './gold-sets.ts';

export interface LeakedTrap { report_id: string; evidence: string; why: string; indicator: string; value: number | null }

/**
 * What became of each labelled trap (a number a naive reader would take): `leaked` when an
 * observation of a core indicator (the ones gold labels) lies inside the trap's evidence, else `held` by the frame dimension of the
 * reject found there (`subject`, `time`, `measure`, another reason), or by no rule firing at all (`no cue`).
 */
export function trapOutcomes(set: GoldSet, results: readonly ExtractionResult[]): { total: number; heldBy: Record<string, number>; leaked: LeakedTrap[] } {
  const heldBy: Record<string, number> = {};
  const leaked: LeakedTrap[] = [];
  let total = 0;
  set.gold.forEach((file) => {
    const index = set.reports.findIndex((r) => r.meta.id === file.report_id);
    const report: Report = set.reports[index]!;
    const { observations, rejects } = results[index]!;
    for (const trap of file.traps ?? []) {
      total += 1;
      const at = report.body.indexOf(trap.evidence);
      const inside = (start: number) => at >= 0 && start >= at && start < at + trap.evidence.length;
      const leak = observations.find((o) => inside(o.span_start) && o.value_kind === 'reported' && CORE_INDICATOR_IDS.includes(o.indicator_id));
      if (leak) { leaked.push({ report_id: file.report_id, evidence: trap.evidence, why: trap.why, indicator: leak.indicator_id, value: leak.value }); continue; }
      const reject = rejects.find((r) => inside(r.span_start));
      const by = !reject ? 'no cue' : (reject as { frame?: string }).frame?.split(':')[0] || 'other reason';
      heldBy[by] = (heldBy[by] ?? 0) + 1;
    }
  });
  return { total, heldBy, leaked };
}
