/**
 * A derived value is left out when the reader drops a figure it is computed from (a rate from a count
 * judged wrong is wrong too), and comes back when that figure is kept again; dropping the derived
 * value leaves its inputs alone. Checked on a shipped report whose extraction derives a rate from
 * two counts it also reports, and on the save itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/core/extract/extract-report.ts';
import { parseReport } from '../../../src/core/report/parse-report.ts';
import { buildReportDataset, reportMetaFromForm, type ReportFormMeta } from '../../../src/core/user-data/build-report-dataset.ts';
import { droppedWithDependents } from '../../../src/core/user-data/dropped-with-dependents.ts';
import { userDatasetId } from '../../../src/core/user-data/types.ts';
import { REPORTS_DIR } from '../corpus.ts';

const { meta, body } = parseReport(readFileSync(join(REPORTS_DIR, 'jiyuan-2021.txt'), 'utf8'), 'jiyuan-2021');
const { observations } = extractReport({ meta, body });
const indexOfInput = (input: { indicator_id: string; span_start: number; span_end: number }) =>
  observations.findIndex((o) => o.indicator_id === input.indicator_id && o.span_start === input.span_start && o.span_end === input.span_end);
// 行政复议纠错率 22.07 = 32 ÷ 145 × 100, both counts reported on their own.
const rate = observations.findIndex((o) => o.indicator_id === 'admin_review.correction_rate' && o.value_kind === 'derived');
const [numerator, denominator] = (observations[rate]?.inputs ?? []).map(indexOfInput);

describe('dropping a figure drops what is derived from it', () => {
  it('finds the derived rate and its two reported counts in the report', () => {
    expect(rate).toBeGreaterThanOrEqual(0);
    expect(observations[rate]!.derivation).toBe('32 ÷ 145 × 100');
    expect([observations[numerator!]?.value, observations[denominator!]?.value]).toEqual([32, 145]);
  });

  it('leaves the rate out with either count, keeps it when the count comes back, and keeps the counts when only the rate goes', () => {
    expect([...droppedWithDependents(observations, new Set())]).toEqual([]);
    expect([...droppedWithDependents(observations, new Set([numerator!]))].sort((a, b) => a - b)).toEqual([numerator, rate].sort((a, b) => a! - b!));
    expect([...droppedWithDependents(observations, new Set([denominator!]))].sort((a, b) => a - b)).toEqual([denominator, rate].sort((a, b) => a! - b!));
    expect([...droppedWithDependents(observations, new Set([rate]))]).toEqual([rate]);
    const unrelated = observations.findIndex((o, i) => i !== rate && i !== numerator && i !== denominator && o.value_kind === 'reported'
      && !observations.some((d) => d.value_kind === 'derived' && d.inputs.some((input) => indexOfInput(input) === i)));
    expect([...droppedWithDependents(observations, new Set([unrelated]))]).toEqual([unrelated]);
  });

  it('follows a chain: a value derived from a derived value goes too', () => {
    const base = observations[rate]!;
    const second = { ...base, indicator_id: 'x.second', span_start: 9_000, span_end: 9_001, inputs: [{ indicator_id: base.indicator_id, role: 'part', value: base.value!, year: base.year, span_start: base.span_start, span_end: base.span_end }] };
    const chained = [...observations, second];
    expect(droppedWithDependents(chained, new Set([denominator!])).has(chained.length - 1)).toBe(true);
  });

  it('the save leaves the rate out when a count was dropped', () => {
    const form: ReportFormMeta = { region: { region_code: meta.region_code, region_name: meta.region_name }, year: meta.year, title: meta.title, publisher: meta.publisher,
      publisher_kind: meta.publisher_kind, coverage: 'full', url: '', published: '' };
    const id = userDatasetId(new Date('2026-12-06T09:00:00Z'), 'dep001');
    const saved = buildReportDataset({ id, importedAt: '2026-12-06T09:00:00.000Z', fileName: '', encoding: '', form, body, observations: extractReport({ meta: reportMetaFromForm(id, form), body }).observations, dropped: new Set([denominator!]) });
    expect(saved.observations.length).toBe(observations.length - 2);
    expect(saved.observations.some((o) => o.indicator_id === 'admin_review.correction_rate' && o.value_kind === 'derived')).toBe(false);
    expect(saved.observations.some((o) => o.value === 32 && o.indicator_id === observations[numerator!]!.indicator_id)).toBe(true);
  });
});
