import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReport } from '../../src/core/report/parse-report.ts';
import type { Report, ReportMeta } from '../../src/core/types.ts';

export const REPORTS_DIR = fileURLToPath(new URL('../../data/reports/', import.meta.url));

/** Every report of the shipped corpus, in file-name order, parsed by the core parser. */
export function loadCorpus(dir = REPORTS_DIR): Report[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => parseReport(readFileSync(join(dir, name), 'utf8'), name));
}

export const TEST_META: ReportMeta = {
  id: 'synthetic', region_code: '110101', region_name: '东城区', year: 2024, publisher: '东城区人民政府',
  publisher_kind: 'county-gov', source_kind: 'annual-report', title: '东城区2024年法治政府建设年度报告', url: '', published: '', coverage: 'full',
};

export const syntheticReport = (body: string, meta: Partial<ReportMeta> = {}): Report => ({ meta: { ...TEST_META, ...meta }, body });
