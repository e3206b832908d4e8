/**
 * The page of a figure in a shipped PDF-derived report, in Chromium: the page is served a dataset
 * built by `add-report` + `extract` from the fixture PDF (the shipped corpus beside it, the PDF in
 * place of guangling-2024.txt), and the source panel of a figure from it names its page — the page
 * the PDF prints it on (tests/scripts/pdf-report-dataset.ts LABELLED_PAGES) — in both languages.
 * A figure of a plain-text report names none. Screenshots: tests/artifacts/e2e/report-page-*.png.
 * The built dataset is served to the file's one browser (a route on its context): the file's warm
 * page starts once, and each case mounts Trends anew at its URL (support.ts `warmRemounted`), its
 * language and width with it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../scripts/helpers.ts';
import { buildPdfReportDataset, LABELLED_PAGES } from '../scripts/pdf-report-dataset.ts';
import { ARTIFACTS, HOOK, sessionPerFile, switchLanguage, waitForView, warmRemounted, type Lang } from './support.ts';

const files = sessionPerFile();
const LOADED = 90_000;
const work = tempDir('report-page-e2e');
let outDir: string;
let rows: Array<Record<string, string>>;

beforeAll(async () => {
  ({ outDir } = await buildPdfReportDataset(work.path, { corpus: true }));
  rows = Papa.parse<Record<string, string>>(readFileSync(join(outDir, 'observations.csv'), 'utf8').replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
  await serveBuiltDataset();
}, 180_000);
afterAll(() => work.remove());

/**
 * Serves the built dataset's files in place of the shipped ones (same names, same origin) to every
 * page of the file's browser: registered after the session's own route, so it is asked first.
 */
async function serveBuiltDataset(): Promise<void> {
  await files.current.context.route(/\/data\/[^/]+$/, async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop()!;
    const path = join(outDir, name);
    if (!existsSync(path)) return route.continue();
    const type = name.endsWith('.json') ? 'application/json' : name.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/octet-stream';
    return route.fulfill({ status: 200, body: readFileSync(path), headers: { 'content-type': type } });
  });
}

/** The file's warm page with Trends mounted anew at `state` (the first call is the file's one start-up). */
const openWithPdfDataset = (state: Record<string, string>, width: number) => warmRemounted(files, state, { width, height: 900 });

const figure = (indicatorId: string, value: number, reportPrefix: string) => {
  const row = rows.find((r) => r.indicator_id === indicatorId && Number(r.value) === value && r.report_id!.startsWith(reportPrefix));
  if (!row) throw new Error(`no ${indicatorId} = ${value} row from ${reportPrefix}…`);
  return row;
};

describe('the page of a figure in a shipped PDF report', { timeout: 300_000 }, () => {
  const labelled = LABELLED_PAGES[0];
  for (const [lang, width] of [['zh', 1440], ['en', 375]] as Array<[Lang, number]>) {
    it(`names the page in the source panel (${lang}, ${width} px), and again after the language switch`, async () => {
      const row = figure(labelled.indicator_id, labelled.value, 'guangling-2024-');
      const page = await openWithPdfDataset({ indicator: labelled.indicator_id, regions: '140223', obs: row.obs_id!, ...(lang === 'en' ? { lang: 'en' } : {}) }, width);
      const root = await waitForView(page, 'trends', { timeout: LOADED });
      const panel = root.locator(HOOK.provenance);
      const pageCell = panel.getByTestId('provenance-page');
      // English reads "Page  3" (the label names it), Chinese "页码  第 3 页".
      const words = { zh: `第 ${labelled.page} 页`, en: `${labelled.page}` };
      await expect.poll(() => pageCell.textContent(), { timeout: LOADED, message: 'the page in the source panel' }).toBe(words[lang]);
      expect(await panel.locator('dt', { hasText: lang === 'zh' ? '页码' : 'Page' }).count()).toBe(1);
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, `report-page-${lang}-${width}.png`), fullPage: true });
      const other: Lang = lang === 'zh' ? 'en' : 'zh';
      await switchLanguage(page, other);
      await expect.poll(() => pageCell.textContent(), { timeout: LOADED }).toBe(words[other]);
      await page.screenshot({ path: join(ARTIFACTS, `report-page-${other}-${width}.png`), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    });
  }

  it('names no page for a figure of a plain-text report', async () => {
    // 灵丘县's report is a .txt in the corpus: no page map, so no page row.
    const row = rows.find((r) => r.region_code === '140224' && r.indicator_id === 'mediation.cases')!;
    const page = await openWithPdfDataset({ indicator: row.indicator_id!, regions: '140224', obs: row.obs_id! }, 1440);
    const root = await waitForView(page, 'trends', { timeout: LOADED });
    const panel = root.locator(HOOK.provenance);
    await expect.poll(() => panel.getByTestId('provenance-quote').count(), { timeout: LOADED }).toBeGreaterThan(0);
    expect(await panel.getByTestId('provenance-page').count()).toBe(0);
  });
});
