/**
 * The shipped corpus states what kind of text each report is: no file is left to the 'other'
 * default, and a title filled in the front matter is one the text itself prints (as printed, or
 * with a copy's pinyin glosses removed), so a citation never carries a title we made up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/core/report/parse-report.ts';
import { readable } from '../../../src/core/text/readable.ts';

const DIR = join(import.meta.dirname, '..', '..', '..', 'data', 'reports');
const reports = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => parseReport(readFileSync(join(DIR, f), 'utf8'), f));

/** Titles recorded at intake from the page around the text, which the excerpt we keep does not print. */
const TITLED_AT_INTAKE = new Set(['jingyan-2023']);

describe('data/reports front matter', () => {
  it('has the whole corpus', () => {
    expect(reports.length).toBeGreaterThanOrEqual(61);
  });

  it.each(reports.map((r) => [r.meta.id, r] as const))('%s names its source_kind', (_id, report) => {
    expect(report.meta.source_kind).not.toBe('other');
  });

  it.each(reports.filter((r) => r.meta.title !== '' && !TITLED_AT_INTAKE.has(r.meta.id)).map((r) => [r.meta.id, r] as const))('%s: the title is printed in the text', (_id, report) => {
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    expect(squeeze(readable(report.body))).toContain(squeeze(readable(report.meta.title)));
  });

  it.each(reports.filter((r) => r.meta.published !== '').map((r) => [r.meta.id, r] as const))('%s: the publication date is printed in the text', (_id, report) => {
    const dotted = report.meta.published.replace(/-/g, '/');
    expect(report.body.includes(report.meta.published) || report.body.includes(dotted) || report.meta.published.length < 10).toBe(true);
  });
});
