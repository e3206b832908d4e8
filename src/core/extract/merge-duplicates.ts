import type { Observation, Reject } from '../types.ts';

/**
 * The same figure printed twice (a summary and a detail sentence) is one figure: the first
 * printing is kept, and each later one goes to rejects naming where the kept one stands, so no
 * printing is lost and no two rows seem to compete. The reason names the kept printing's span.
 */
export function mergeDuplicates(observations: readonly Observation[], body: string): { kept: Observation[]; duplicates: Reject[] } {
  const first = new Map<string, Observation>();
  const kept: Observation[] = [];
  const duplicates: Reject[] = [];
  const ordered = [...observations].sort((a, b) => a.span_start - b.span_start);
  for (const o of ordered) {
    if (o.value_kind !== 'reported' || o.value === null) { kept.push(o); continue; }
    const key = `${o.report_id}|${o.indicator_id}|${o.year}|${o.period}|${o.value}|${o.approx}`;
    const earlier = first.get(key);
    if (!earlier) { first.set(key, o); kept.push(o); continue; }
    if (earlier.span_start === o.span_start) continue; // the same printing read twice (a shared rule)
    duplicates.push({
      report_id: o.report_id, indicator_id: o.indicator_id, rule_id: o.rule_id, frame: 'duplicate',
      reason: `the same figure printed again; kept once, at characters ${earlier.span_start}–${earlier.span_end}`,
      text: body.slice(o.span_start, o.span_end), quote: o.quote, span_start: o.span_start, span_end: o.span_end,
    });
  }
  return { kept, duplicates };
}
