/**
 * The reports-as-published fixtures (scripts/gen-report-fixtures.ts: PDF with running header and
 * page-number footer, two-column PDF, DOCX with headings and a table, UTF-8 and GBK web pages with
 * site furniture) are converted with the Node platform, and the figures extracted from each must
 * equal the figures extracted from the corpus text it was made from: indicator, value, year, period.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertReport } from '../../../src/core/convert/convert-report.ts';
import { readReportMetadata } from '../../../src/core/convert/report-metadata.ts';
import { extractReport } from '../../../src/core/extract/extract-report.ts';
import { parseReport } from '../../../src/core/report/parse-report.ts';
import type { Report } from '../../../src/core/types.ts';
import { nodeConvertPlatform } from '../../../scripts/lib/convert-platform-node.ts';
import { divisionLookup } from './division-lookup.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/reports-as-published');
const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as Array<{ file: string; source: string; format: string; traps: string[] }>;

const figures = (report: Report): string[] =>
  extractReport(report).observations.map((o) => `${o.indicator_id} ${o.value} ${o.year} ${o.period}`).sort();

describe.each(manifest)('$file ($traps)', ({ file, source, format }) => {
  const sourceReport = parseReport(readFileSync(join(import.meta.dirname, '../../../data/reports', `${source}.txt`), 'utf8'), source);
  // Converted once for both cases (a PDF's conversion is the file's cost); started by the first case
  // that asks, so a conversion error fails that case with its own message.
  let conversion: ReturnType<typeof convertReport> | undefined;
  const convertedOnce = () => (conversion ??= convertReport({ name: file, bytes: new Uint8Array(readFileSync(join(FIXTURES, file))) }, nodeConvertPlatform));

  it('gives the same figures as the text it was made from', async () => {
    const converted = await convertedOnce();
    expect(converted.kind).toBe(format);
    const expected = figures(sourceReport);
    expect(expected.length).toBeGreaterThan(0);
    expect(figures({ meta: sourceReport.meta, body: converted.body })).toEqual(expected);
  }, 60_000);

  it('reads the place and year of the source from the converted document', async () => {
    const converted = await convertedOnce();
    const read = readReportMetadata(converted.body, converted.titleHint, file, divisionLookup);
    expect(read.year).toBe(sourceReport.meta.year);
    if (read.region) expect(read.region.region_code).toBe(sourceReport.meta.region_code);
    else expect(read.candidates.map((c) => c.region_code)).toContain(sourceReport.meta.region_code);
  }, 60_000);
});
