import { getIndicator } from '../catalog/indicators.ts';
import type { DerivationInput, Observation, Reject } from '../types.ts';

/** Rates the contract lets us compute from two printed counts (numerator ÷ denominator × 100). */
export const RATE_DEFINITIONS: ReadonlyArray<{ rate: string; numerator: string; denominator: string }> = [
  { rate: 'admin_review.correction_rate', numerator: 'admin_review.corrected', denominator: 'admin_review.closed' },
  { rate: 'mediation.success_rate', numerator: 'mediation.succeeded', denominator: 'mediation.cases' },
  { rate: 'court_mediation.success_rate', numerator: 'court_mediation.succeeded', denominator: 'court_mediation.cases' },
];

const key = (o: Observation) => `${o.year}|${o.period}`;
const asInput = (o: Observation, role: string): DerivationInput =>
  ({ indicator_id: o.indicator_id, role, value: o.value!, year: o.year, span_start: o.span_start, span_end: o.span_end });

/**
 * A printed rate beside its printed counts is checked against them (a mismatch is flagged, not
 * fixed); a rate only implied by the counts is added as `derived`, naming both inputs.
 */
export function deriveRates(observations: Observation[]): Observation[] {
  const derived: Observation[] = [];
  for (const { rate, numerator, denominator } of RATE_DEFINITIONS) {
    const groups = new Map<string, Observation[]>();
    for (const o of observations) {
      if (o.value_kind !== 'reported' || o.value === null) continue;
      if (o.indicator_id !== rate && o.indicator_id !== numerator && o.indicator_id !== denominator) continue;
      const group = groups.get(key(o));
      if (group) group.push(o); else groups.set(key(o), [o]);
    }
    for (const group of groups.values()) {
      const numerators = distinctValues(group, numerator);
      const denominators = distinctValues(group, denominator);
      if (numerators.length !== 1 || denominators.length !== 1) continue;
      const [top] = numerators as [Observation];
      const [bottom] = denominators as [Observation];
      if (!(bottom.value! > 0) || top.value! > bottom.value!) continue;
      const computed = Number(((top.value! / bottom.value!) * 100).toFixed(2));
      const printedRates = group.filter((o) => o.indicator_id === rate);
      if (printedRates.length > 0) {
        for (const printed of printedRates) {
          if (Math.abs(printed.value! - computed) > tolerance(printed)) {
            printed.flags.push(`rate_mismatch: printed ${printed.value}% but ${top.value} ÷ ${bottom.value} = ${computed}%`);
          }
        }
        continue;
      }
      derived.push({
        ...bottom,
        indicator_id: rate,
        unit: getIndicator(rate).unit,
        value: computed,
        approx: top.approx === 'exact' && bottom.approx === 'exact' ? 'exact' : 'about',
        value_kind: 'derived',
        quote: top.quote,
        quote_start: top.quote_start,
        span_start: top.span_start,
        span_end: top.span_end,
        rule_id: `${rate}/derived-from-counts`,
        derivation: `${top.value} ÷ ${bottom.value} × 100`,
        inputs: [asInput(top, 'numerator'), asInput(bottom, 'denominator')],
        flags: [],
      });
    }
  }
  return derived;
}

/** A printed rate is consistent with its counts within half a unit of its last printed digit. */
function tolerance(printed: Observation): number {
  if (printed.approx !== 'exact') return 1;
  const decimals = (String(printed.value).split('.')[1] ?? '').length;
  return 0.5 * 10 ** -decimals + 0.005;
}

function distinctValues(group: Observation[], indicatorId: string): Observation[] {
  const byValue = new Map<number, Observation>();
  for (const o of group) if (o.indicator_id === indicatorId && !byValue.has(o.value!)) byValue.set(o.value!, o);
  return [...byValue.values()];
}

/**
 * Listed parts (legal aid: 民事 26件, 刑事 262件) become a derived total when no total is printed
 * for the same year and period; otherwise each part is rejected as part of a printed total.
 */
export function sumParts(parts: Observation[], observations: Observation[]): { totals: Observation[]; rejects: Reject[] } {
  const totals: Observation[] = [];
  const rejects: Reject[] = [];
  const printedTotals = new Set(observations.filter((o) => o.value_kind === 'reported').map((o) => `${o.indicator_id}|${key(o)}`));
  const groups = new Map<string, Observation[]>();
  for (const part of parts) {
    const partKey = `${part.indicator_id}|${key(part)}`;
    const group = groups.get(partKey);
    if (group) group.push(part); else groups.set(partKey, [part]);
  }
  for (const group of groups.values()) {
    const [first] = group as [Observation];
    const hasTotal = printedTotals.has(`${first.indicator_id}|${key(first)}`);
    const distinct = [...new Map(group.map((p) => [p.span_start, p])).values()];
    if (hasTotal || distinct.length < 2) {
      for (const part of distinct) {
        rejects.push({ report_id: part.report_id, indicator_id: part.indicator_id, rule_id: part.rule_id, reason: hasTotal ? 'a listed part; the text prints the total' : 'a single listed part is not the total', frame: 'subject:part', text: '', quote: part.quote, span_start: part.span_start, span_end: part.span_end });
      }
      continue;
    }
    const value = distinct.reduce((sum, p) => sum + p.value!, 0);
    totals.push({
      ...first,
      value,
      approx: distinct.every((p) => p.approx === 'exact') ? 'exact' : 'about',
      value_kind: 'derived',
      rule_id: `${first.indicator_id}/sum-of-parts`,
      derivation: distinct.map((p) => p.value).join(' + '),
      inputs: distinct.map((p) => asInput(p, 'part')),
    });
  }
  return { totals, rejects };
}
