import { describe, expect, it } from 'vitest';
import { conceptExclusionId } from '../../../src/core/extract/concept-check.ts';
import { extractReport } from '../../../src/core/extract/extract-report.ts';
import { ALL_RULES } from '../../../src/core/extract/rules/index.ts';
import type { ReportMeta } from '../../../src/core/types.ts';

/**
 * The few exclusions left in the rule tables (what a concept is not) each carry an example; the
 * example must be kept out of that indicator by that very exclusion, with a reject naming why.
 */
const meta: ReportMeta = {
  id: 'concept-exclusion-example', region_code: '140223', region_name: '广灵县', year: 2024, publisher: '广灵县人民政府',
  publisher_kind: 'county-gov', title: '广灵县2024年法治政府建设年度报告', url: '', published: '', coverage: 'full', source_kind: 'annual-report',
};

const exclusions = ALL_RULES.flatMap((table) => (table.notThisConcept ?? []).map((exclusion, index) => ({ table, exclusion, id: conceptExclusionId(table.indicator, index) })));

describe('concept exclusions: each example is kept out of its indicator by that exclusion', () => {
  it('there are fewer than the 83 exclusion words the rule tables held before the frame', () => {
    const words = exclusions.flatMap(({ exclusion }) => exclusion.words.split('|'));
    expect(words.length).toBeLessThan(83);
  });

  it.each(exclusions.map((e) => [e.id, e] as const))('%s', (_id, { table, exclusion, id }) => {
    const fired: string[] = [];
    const { observations, rejects } = extractReport({ meta, body: exclusion.example }, { fired: (f) => fired.push(f) });
    expect(observations.filter((o) => o.indicator_id === table.indicator), exclusion.example).toEqual([]);
    expect(fired, exclusion.example).toContain(id);
    // The reason is written as a reject unless another indicator took the number (诉调 → court mediation).
    if (observations.length === 0) expect(rejects.some((r) => r.indicator_id === table.indicator && r.reason.includes(exclusion.why)), exclusion.example).toBe(true);
  });
});
