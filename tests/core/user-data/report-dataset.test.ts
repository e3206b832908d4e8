import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/core/extract/extract-report.ts';
import { parseReport } from '../../../src/core/report/parse-report.ts';
import { buildReportDataset, reportMetaFromForm, type ReportFormMeta } from '../../../src/core/user-data/build-report-dataset.ts';
import { summarise, userDatasetId } from '../../../src/core/user-data/types.ts';
import { REPORTS_DIR } from '../corpus.ts';

const { body } = parseReport(readFileSync(join(REPORTS_DIR, 'guangling-2024.txt'), 'utf8'), 'guangling-2024');
const id = userDatasetId(new Date('2026-11-23T10:00:00Z'), 'abc123');
const form: ReportFormMeta = {
  region: { region_code: '140223', region_name: '广灵县' }, year: 2024, title: '广灵县2024年法治政府建设年度报告', publisher: '',
  publisher_kind: 'county-gov', coverage: 'full', url: '', published: '',
};
const { observations } = extractReport({ meta: reportMetaFromForm(id, form), body });

describe('a pasted report becomes one user dataset', () => {
  it('keeps every value not dropped, with the report id, place and provenance of the pasted body', () => {
    expect(observations.length).toBeGreaterThan(3);
    const dropped = new Set([0, 2]);
    const dataset = buildReportDataset({ id, importedAt: '2026-11-23T10:00:00.000Z', fileName: '', encoding: '', form, body, observations, dropped });
    expect(dataset.kind).toBe('report');
    expect(dataset.reports).toEqual([{ meta: { ...reportMetaFromForm(id, form) }, body }]);
    expect(dataset.observations.length).toBe(observations.length - 2);
    const kept = observations.filter((_, i) => !dropped.has(i));
    expect(dataset.observations.map((o) => [o.indicator_id, o.span_start])).toEqual(kept.map((o) => [o.indicator_id, o.span_start]));
    for (const [i, o] of observations.entries()) {
      if (dropped.has(i)) expect(dataset.observations.some((d) => d.span_start === o.span_start && d.indicator_id === o.indicator_id)).toBe(false);
    }
    for (const o of dataset.observations) {
      expect(o).toMatchObject({ report_id: id, region_code: '140223', region_name: '广灵县', source_row: null, source_column: '' });
      expect(o.quote).toBe(body.slice(o.quote_start, o.quote_start + o.quote.length));
      if (o.value_kind === 'reported') expect(o.quote).toContain(body.slice(o.span_start, o.span_end));
    }
    expect(summarise(dataset)).toMatchObject({ kind: 'report', regionCount: 1, years: [2024] });
  });

  it('takes the place the user chose over whatever the extraction ran with', () => {
    const other = { ...form, region: { region_code: '140224', region_name: '灵丘县' } };
    const dataset = buildReportDataset({ id, importedAt: '', fileName: 'x.txt', encoding: 'GB18030', form: other, body, observations, dropped: new Set() });
    expect(new Set(dataset.observations.map((o) => o.region_code))).toEqual(new Set(['140224']));
    expect(dataset.reports[0]!.meta.region_name).toBe('灵丘县');
    expect(dataset.encoding).toBe('GB18030');
  });

  it('refuses to build when nothing is kept, the place is not a code, or a span points outside the body', () => {
    const all = new Set(observations.map((_, i) => i));
    expect(() => buildReportDataset({ id, importedAt: '', fileName: '', encoding: '', form, body, observations, dropped: all })).toThrow(/no values left/);
    expect(() => buildReportDataset({ id, importedAt: '', fileName: '', encoding: '', form: { ...form, region: { region_code: '', region_name: '' } }, body, observations, dropped: new Set() })).toThrow(/six-digit/);
    expect(() => buildReportDataset({ id, importedAt: '', fileName: '', encoding: '', form, body: body.slice(0, 10), observations, dropped: new Set() })).toThrow(/outside the report text/);
  });
});
