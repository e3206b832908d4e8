/**
 * A table's own quote, unit and source columns in a real browser: a CSV with them is imported and
 * saved; a figure's source panel shows them as labelled fields (原文 / 单位 / 来源, Quote / Unit /
 * Source) apart from the row's cells, an http(s) source as a link that opens in a new tab without
 * access to the page, a `javascript:` source as plain text; the dataset's CSV export keeps them.
 * Screenshots: tests/artifacts/e2e/table-fields-<lang>-<width>.png.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { appUrl, ARTIFACTS, HOOK, moveTo, sessionPerFile, storedUserDatasets, switchLanguage, waitForView } from './support.ts';

const T = {
  view: '[data-testid="view-import"]',
  file: '[data-testid="import-file"]',
  message: '[data-testid="import-message"]',
  preview: '[data-testid="import-preview"]',
  next: '[data-testid="import-next"]',
  confirm: '[data-testid="import-confirm"]',
};
const LINK = 'https://www.example.gov.cn/report-2021.html';
const SCRIPT = 'javascript:alert(document.domain)';
const QUOTE = '全县调解成功率达98.5%(测试用虚构句子)';
/** Invented figures for the test, never shipped. */
const CSV = [
  'region_code,region_name,year,indicator_id,value,unit,quote,source',
  `140223,广灵县,2021,mediation.success_rate,98.5,%,${QUOTE},${LINK}`,
  `140224,灵丘县,2021,mediation.success_rate,97,%,,${SCRIPT}`,
  '',
].join('\n');

const browser = sessionPerFile();
const LOADED = 90_000;

async function importAndSave(): Promise<{ page: Page; obsOf: (regionCode: string) => string }> {
  const page = await browser.open({ view: 'import' });
  await page.locator(T.view).waitFor({ state: 'visible', timeout: 30_000 });
  const path = join(ARTIFACTS, 'table-fields.csv');
  writeFileSync(path, CSV);
  await page.locator(T.file).setInputFiles(path);
  await page.locator(T.preview).waitFor({ state: 'visible', timeout: 20_000 });
  await page.locator(T.next).click();
  await page.locator(T.confirm).waitFor({ state: 'visible', timeout: 30_000 });
  expect(await page.locator(T.message).innerText()).toContain('2 个数字有效');
  await page.locator(T.confirm).click();
  // Saving took over 30 s once at load average ~22 on the shared 2-core machine.
  await expect.poll(() => page.locator(T.message).innerText(), { timeout: 90_000 }).toContain('已保存');
  const [dataset] = (await storedUserDatasets(page)).filter((d) => d.fileName === 'table-fields.csv');
  expect(dataset!.observations.map((o) => [o.region_code, o.table_quote, o.table_unit, o.table_source])).toEqual([
    ['140223', QUOTE, '%', LINK], ['140224', '', '%', SCRIPT],
  ]);
  return { page, obsOf: (code) => `${dataset!.id}#${dataset!.observations.findIndex((o) => o.region_code === code) + 1}` };
}

/**
 * Shows a figure's source panel on the page that imported the table, moved by URL as a reader's click
 * moves it (support.ts `moveTo`): the save loaded the rows into this page's DuckDB, so no second start-up.
 */
async function openPanel(page: Page, regionCode: string, obs: string) {
  await moveTo(page, appUrl(browser.current.base, { indicator: 'mediation.success_rate', regions: regionCode, obs }));
  const root = await waitForView(page, 'trends', { timeout: LOADED });
  const panel = root.locator(HOOK.provenance);
  await panel.getByTestId('table-row-fields').waitFor({ state: 'visible', timeout: LOADED });
  return panel;
}

describe('a table\'s own quote, unit and source in the source panel', { timeout: 300_000 }, () => {
  it('shows them as labelled fields, the http(s) source as a safe link and a javascript: source as text; the export keeps them', async () => {
    const { page, obsOf } = await importAndSave();

    const panel = await openPanel(page, '140223', obsOf('140223'));
    const fields = panel.getByTestId('table-row-fields');
    expect(await fields.locator('dt').allInnerTexts()).toEqual(['原文', '单位', '来源']);
    expect(await panel.getByTestId('table-row-quote').innerText()).toBe(QUOTE);
    expect(await panel.getByTestId('table-row-unit').innerText()).toBe('%');
    const link = panel.getByTestId('table-row-source').locator('a');
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute('href')).toBe(LINK);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    // The row's own cells are still the marked quote, without the optional columns folded in.
    expect(await panel.getByTestId('provenance-quote').innerText()).not.toContain(QUOTE);
    expect(await panel.locator('p.label', { hasText: '表中此行' }).count()).toBe(1);
    for (const width of [1440, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await fields.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, `table-fields-zh-${width}.png`), fullPage: width === 1440 });
    }
    await switchLanguage(page, 'en');
    await expect.poll(() => fields.locator('dt').allInnerTexts()).toEqual(['Quote', 'Unit', 'Source']);
    // The researcher's Chinese quote is marked Chinese on the English page; the unit and the address are not.
    expect(await Promise.all(['quote', 'unit', 'source'].map((f) => panel.getByTestId(`table-row-${f}`).getAttribute('lang')))).toEqual(['zh', null, null]);
    expect(await panel.locator('p.label', { hasText: 'The table\'s row' }).count()).toBe(1);
    for (const width of [375, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await fields.scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(ARTIFACTS, `table-fields-en-${width}.png`), fullPage: width === 1440 });
    }
    await switchLanguage(page, 'zh');

    // A javascript: source is text, never a link; no empty quote field is shown.
    const other = await openPanel(page, '140224', obsOf('140224'));
    // The same panel element shows the other row once its query answers: polled, not read once.
    await expect.poll(() => other.getByTestId('table-row-fields').locator('dt').allInnerTexts(), { timeout: LOADED }).toEqual(['单位', '来源']);
    expect(await other.getByTestId('table-row-source').innerText()).toBe(SCRIPT);
    expect(await other.getByTestId('table-row-source').locator('a').count()).toBe(0);
    expect(await other.locator('a[href^="javascript:"]').count()).toBe(0);

    // The dataset's CSV export keeps the three columns.
    await moveTo(page, appUrl(browser.current.base, { view: 'import' }));
    const entry = page.locator('[data-testid="user-dataset"]').filter({ hasText: 'table-fields.csv' });
    await entry.waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), entry.locator('[data-testid="user-dataset-export"]').click()]);
    const rows = Papa.parse<Record<string, string>>(readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.region_code, r.table_quote, r.table_unit, r.table_source])).toEqual([
      ['140223', QUOTE, '%', LINK], ['140224', '', '%', SCRIPT],
    ]);
  });
});
