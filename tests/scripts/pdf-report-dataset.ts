/**
 * A dataset with one report as published in PDF: `add-report` converts the fixture PDF
 * (tests/fixtures/reports-as-published/guangling-2024.pdf, printed by Chromium from
 * data/reports/guangling-2024.txt) into a temp reports folder, `extract` builds it. With `corpus`,
 * the other shipped reports are copied in beside it (the PDF replaces guangling-2024.txt, whose
 * text it is), so a browser can be served the shipped dataset with one PDF-derived report.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { addReport } from '../../scripts/add-report.ts';
import { buildDataset } from '../../scripts/lib/build-dataset.ts';
import { divisionLookup } from '../core/convert/division-lookup.ts';
import { REPORTS_DIR } from './helpers.ts';

export const GUANGLING_PDF = join(import.meta.dirname, '../fixtures/reports-as-published/guangling-2024.pdf');

/**
 * Figures of the PDF and the page each is printed on, labelled by reading the PDF page by page
 * (poppler's `pdftotext -f N -l N`, not the app's converter) before the pipeline was run on it.
 */
export const LABELLED_PAGES = [
  { indicator_id: 'normative_docs.reviewed', value: 12, page: 3, text: '完成行政规范性文件合法性审查12件' },
  { indicator_id: 'admin_review.received', value: 32, page: 4, text: '受理行政复议案件32件' },
  { indicator_id: 'mediation.cases', value: 433, page: 5, text: '共调解各类矛盾纠纷案件433件' },
] as const;

export async function buildPdfReportDataset(root: string, options: { corpus?: boolean } = {}): Promise<{ reportsDir: string; outDir: string; reportId: string }> {
  const reportsDir = join(root, 'reports');
  const outDir = join(root, 'data');
  mkdirSync(reportsDir, { recursive: true });
  if (options.corpus) {
    for (const name of readdirSync(REPORTS_DIR).filter((n) => n.endsWith('.txt') && n !== 'guangling-2024.txt')) {
      copyFileSync(join(REPORTS_DIR, name), join(reportsDir, name));
    }
  }
  const added = await addReport(GUANGLING_PDF, divisionLookup, { out: reportsDir });
  if (!added.ok) throw new Error(`add-report refused the fixture PDF: ${added.reason}`);
  const built = await buildDataset({ reportsDir, outDir });
  if (built.failures.length > 0) throw new Error(`extract failed: ${built.failures.map((f) => f.reason).join('; ')}`);
  return { reportsDir, outDir, reportId: added.meta.id };
}
