/**
 * The Data view cites every row: a quote from a copy in traditional characters with pinyin glosses
 * is shown as read with the verbatim text one click away, and each row copies its report's GB/T 7714
 * citation; neither click opens the row's source panel. In Chromium on the shipped dataset (盘锦市's
 * 12345 figure, a glossed traditional copy), both languages; screenshots data-cite-<lang>.png.
 */
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import { gbt7714 } from '../../src/core/cite/citation.ts';
import { EXPORT_MESSAGES } from '../../src/features/i18n/views/export.ts';
import { ARTIFACTS, sessionPerFile, waitForView, type Lang } from './support.ts';

const files = sessionPerFile();
const LOADED = 90_000;
const PANJIN = { view: 'data', indicator: 'hotline.tickets', regions: '211100' } as const;

async function servedReport(title: string): Promise<Record<string, string>> {
  const response = await fetch(new URL('data/reports.csv', inject('e2e').baseUrl));
  const rows = Papa.parse<Record<string, string>>((await response.text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  const report = rows.find((r) => r.title === title);
  expect(report, `reports.csv has "${title}"`).toBeDefined();
  return report!;
}

describe('Data view: quotes as read, citations per row', { timeout: 300_000 }, () => {
  for (const lang of ['zh', 'en'] as Lang[]) {
    it(`shows a glossed traditional quote as read, verbatim one click away, and copies the row's citation (${lang})`, async () => {
      const page = await files.open({ ...PANJIN, ...(lang === 'en' ? { lang: 'en' } : {}) });
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      const root = await waitForView(page, 'data', { timeout: LOADED, content: true });
      await root.locator('[data-testid="data-quote"][data-reading="read"]').first().waitFor({ timeout: LOADED });
      // The row by position: after the toggle it no longer matches "shown as read".
      const at = await root.locator('tbody tr').evaluateAll((rows) => rows.findIndex((r) => r.querySelector('[data-testid="data-quote"][data-reading="read"]')));
      const row = root.locator('tbody tr').nth(at);
      const quote = row.getByTestId('data-quote');
      const read = (await quote.textContent())!;
      expect(read).toContain('热线');
      expect(read).not.toMatch(/熱線|\([a-z]+\)/);
      await row.getByTestId('data-quote-toggle').click();
      expect(await quote.getAttribute('data-reading')).toBe('verbatim');
      expect(await quote.textContent()).toMatch(/熱線|\([a-z]+\)/);
      expect(new URL(page.url()).searchParams.get('obs'), 'the toggle does not open the row').toBeNull();

      // The copy's title is printed in traditional characters: shown as read, verbatim one click away;
      // reports.csv keeps it verbatim, and the citation cites it as printed.
      expect(await row.getByTestId('data-report-title').getAttribute('data-reading')).toBe('read');
      await row.getByTestId('data-title-toggle').click();
      expect(await row.getByTestId('data-report-title').getAttribute('data-reading')).toBe('verbatim');
      const title = (await row.getByTestId('data-report-title').textContent())!;
      const report = await servedReport(title);
      await row.getByTestId('data-copy-citation').click();
      const expected = gbt7714({ title: report.title!, publisher: report.publisher!, url: report.url!, published: report.published!, region_name: report.region_name!, year: Number(report.year) },
        await page.evaluate(() => { const d = new Date(); const pad = (n: number) => String(n).padStart(2, '0'); return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`; }),
        EXPORT_MESSAGES[lang].exportText.citation);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
      expect(expected).toContain(report.url!);
      expect(new URL(page.url()).searchParams.get('obs'), 'copying does not open the row').toBeNull();
      await page.screenshot({ path: `${ARTIFACTS}/data-cite-${lang}.png`, fullPage: true });
    });
  }
});
