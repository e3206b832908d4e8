/**
 * Issue 11 (tables) in a real browser, as a new user meets it: a CSV with an unclosed quote, an
 * SQL-ish indicator cell, a formula and an unused column imports its good rows, names each bad
 * one by line and reason (Chinese and English), and offers the odd indicator cell for mapping
 * instead of guessing; a ZSTD Parquet and an .xlsx renamed .csv (notes sheet first) import; after
 * a reload the datasets are still there. Screenshots of the mapping step and the rejects at 1440
 * and 375 px in both languages go to tests/artifacts/e2e/import-recovery-*.png.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, sessionPerFile, waitForQuiet, warmRemounted } from './support.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/user-data/', import.meta.url));
const T = {
  view: '[data-testid="view-import"]',
  file: '[data-testid="import-file"]',
  message: '[data-testid="import-message"]',
  preview: '[data-testid="import-preview"]',
  mapping: '[data-testid="import-mapping"]',
  values: '[data-testid="import-indicator-values"]',
  unused: '[data-testid="import-unused"]',
  sheet: '[data-testid="import-sheet"]',
  next: '[data-testid="import-next"]',
  confirm: '[data-testid="import-confirm"]',
  rejects: '[data-testid="import-rejects"]',
  dataset: '[data-testid="user-dataset"]',
};
const SQLISH = 'mediation.success_rate" OR 1=1 --';

/** Made up for the test (invented figures): line 3 opens a quote it never closes. */
const CSV = [
  'region_code,region_name,year,indicator_id,value,unit,note',
  '140223,广灵县,2021,mediation.success_rate,98.5,%,a',
  '140224,"灵丘县,2022,admin_review.received,18,件,b',
  '140224,灵丘县,2022,admin_review.received,18,件,c',
  `140223,广灵县,2022,"${SQLISH.replace(/"/g, '""')}",97,%,d`,
  '140223,广灵县,2023,admin_review.received,-1+1,件,e',
  '',
].join('\r\n');

const browser = sessionPerFile();

/**
 * An empty import form on the file's warm page (one DuckDB start for the file): the view is mounted
 * anew (via About, support.ts `warmRemounted`), so nothing of the case before is left in the form.
 * The store is the browser's: what a case saved stays, as it did with a fresh page per case.
 */
async function openImport(lang: 'zh' | 'en'): Promise<Page> {
  const page = await warmRemounted(browser, { view: 'import', lang: lang === 'en' ? 'en' : undefined });
  await page.locator(T.view).waitFor({ state: 'visible', timeout: 30_000 });
  await page.locator(T.file).waitFor({ state: 'attached', timeout: 10_000 });
  return page;
}

/** A screenshot at 1440 and at 375 px (the page is put back to 1440 after). */
async function shots(page: Page, name: string, focus: string): Promise<void> {
  for (const width of [1440, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.locator(focus).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, `import-recovery-${name}-${width}.png`), fullPage: width === 375 ? false : true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

const message = (page: Page) => page.locator(T.message);

describe('a table with bad rows imports its good rows and names the bad ones', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`${lang}: the bad quote costs one named line, the SQL-ish cell is offered for mapping, the formula is named`, async () => {
      const page = await openImport(lang);
      const path = join(ARTIFACTS, `bad-quote-${lang}.csv`);
      writeFileSync(path, CSV);
      await page.locator(T.file).setInputFiles(path);
      await page.locator(T.preview).waitFor({ state: 'visible', timeout: 20_000 });
      expect(await message(page).getAttribute('data-state')).toBe('warning');
      expect(await message(page).innerText()).toContain(lang === 'zh' ? '1 行无法拆分为单元格' : '1 line could not be split into cells');

      // The indicator cell that is not a catalog id is listed, unmapped; the unused columns are named.
      const values = page.locator(T.values);
      await values.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await values.locator('tbody th').allInnerTexts()).toEqual([SQLISH]);
      expect(await values.locator('select').inputValue()).toBe('');
      expect(await page.locator(T.unused).innerText()).toContain('“note”');
      expect(await page.locator(T.unused).innerText()).toContain('“region_name”');
      await shots(page, `${lang}-mapping`, T.mapping);

      await page.locator(T.next).click();
      const rejects = page.locator(T.rejects);
      await rejects.waitFor({ state: 'visible', timeout: 30_000 });
      const rows = await rejects.locator('tbody tr').allInnerTexts();
      expect(rows).toHaveLength(3);
      expect(rows[0]).toMatch(lang === 'zh' ? /^3\s.*引号没有闭合/ : /^3\s.*quote on this line is never closed/);
      expect(rows[1]).toMatch(lang === 'zh' ? /^5\s+indicator_id\s.*OR 1=1.*未知指标/ : /^5\s+indicator_id\s.*OR 1=1.*unknown indicator/);
      expect(rows[2]).toMatch(lang === 'zh' ? /^6\s+value\s+-1\+1\s+这是电子表格公式/ : /^6\s+value\s+-1\+1\s+a spreadsheet formula/);
      expect(rows.join('\n')).not.toMatch(lang === 'zh' ? /Quoted field|unterminated|negative|为负/ : /为负/);
      expect(await message(page).innerText()).toContain(lang === 'zh' ? '2 个数字有效,3 条被拒绝' : '2 figures valid, 3 rejected');
      await shots(page, `${lang}-rejects`, T.rejects);
      if (lang === 'en') return; // one language saves; the other only looks

      await page.locator(T.confirm).click();
      await expect.poll(() => message(page).innerText(), { timeout: 30_000 }).toContain('已保存');
    }, 120_000);
  }

  it('imports a ZSTD Parquet and an .xlsx renamed .csv (the table sheet chosen), and they are there after a reload', async () => {
    const page = await openImport('zh');
    await page.locator(T.file).setInputFiles(join(FIXTURES, 'lingqiu-long-zstd.parquet'));
    await page.locator(T.preview).waitFor({ state: 'visible', timeout: 20_000 });
    // 行政复议收案数 is written as the catalog names it: offered, and prefilled.
    expect(await page.locator(`${T.values} select[data-value-cell="行政复议收案数"]`).inputValue()).toBe('admin_review.received');
    await page.locator(T.next).click();
    await page.locator(T.confirm).waitFor({ state: 'visible', timeout: 30_000 });
    expect(await message(page).innerText()).toContain('4 个数字有效,2 条被拒绝');
    await page.locator(T.confirm).click();
    await expect.poll(() => message(page).innerText(), { timeout: 30_000 }).toContain('已保存');

    const renamed = join(ARTIFACTS, 'workbook-renamed.csv');
    copyFileSync(join(FIXTURES, 'lingqiu-long-two-sheets.xlsx'), renamed);
    await page.locator(T.file).setInputFiles(renamed);
    await page.locator(T.preview).waitFor({ state: 'visible', timeout: 20_000 });
    expect(await message(page).getAttribute('data-state')).not.toBe('error');
    // The notes sheet comes first; the sheet whose columns map is opened, and the other can be chosen.
    expect(await page.locator(`${T.sheet} option:checked`).innerText()).toBe('数据');
    expect(await page.locator(`${T.sheet} option`).allInnerTexts()).toEqual(['说明', '数据']);
    await page.screenshot({ path: join(ARTIFACTS, 'import-recovery-xlsx-sheet-1440.png'), fullPage: true });
    await page.locator(T.next).click();
    await page.locator(T.confirm).waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator(T.confirm).click();
    await expect.poll(() => message(page).innerText(), { timeout: 30_000 }).toContain('已保存');

    await page.reload();
    await page.locator(T.view).waitFor({ state: 'visible', timeout: 30_000 });
    const names = ['bad-quote-zh.csv', 'lingqiu-long-zstd.parquet', 'workbook-renamed.csv'];
    await expect.poll(async () => {
      const listed = await page.locator(T.dataset).allInnerTexts();
      return names.filter((name) => listed.some((t) => t.includes(name)));
    }, { timeout: 30_000 }).toEqual(names);
    await waitForQuiet(page);
  }, 120_000);
});
