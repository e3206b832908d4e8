/**
 * The About-the-data page: reached from the line under the Trends chart, it lists the pick rule in
 * the order of PICK_RULE (the table the SQL is built from), explains the marks with the Chinese words
 * cited marked as Chinese, and has no serious or critical axe-core violation, in both languages at
 * 1440 and 375 px. Screenshots: tests/artifacts/e2e/about-<lang>-<width>.png.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PICK_RULE } from '../../src/db/queries/pick-rule.ts';
import { ARTIFACTS, sessionPerFile, waitForQuiet, waitForView, type Lang } from './support.ts';

const files = sessionPerFile();
const LOADED = 90_000;
const SLOW = { timeout: 300_000 };

async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

describe('About the data', SLOW, () => {
  it('is one click from the line under the Trends chart, and the tab says where the reader is (zh)', async () => {
    const page = await files.open({});
    const root = await waitForView(page, 'trends', { timeout: LOADED });
    const link = root.getByTestId('about-link').getByRole('link', { name: '关于数据' });
    await link.waitFor({ timeout: LOADED });
    expect(await link.getAttribute('href')).toContain('view=about');
    await link.click();
    await page.getByTestId('view-about').waitFor({ timeout: LOADED });
    expect(new URL(page.url()).searchParams.get('view')).toBe('about');
    expect(await page.locator('nav button[aria-current="page"]').textContent()).toBe('关于数据');
  });

  for (const lang of ['zh', 'en'] as Lang[]) {
    for (const width of [1440, 375]) {
      it(`lists the pick rule in PICK_RULE's order and has no serious axe violation (${lang}, ${width} px)`, async () => {
        const page = await files.open({ view: 'about', ...(lang === 'en' ? { lang: 'en' } : {}) }, { width, height: 900 });
        const about = page.getByTestId('view-about');
        await about.waitFor({ timeout: LOADED });
        await waitForQuiet(page);
        const reasons = await about.getByTestId('about-pick-rule').locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-reason')));
        expect(reasons).toEqual(PICK_RULE.map((c) => c.reason));
        // The words cited from the reports are marked as Chinese, also on the English page.
        expect(await about.locator('q[lang="zh-CN"]').allTextContents()).toEqual(expect.arrayContaining(['余', '近', '约', '转载']));
        // Nothing wider than the window (375 px: no sideways scrolling).
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        // The header's buttons (copy link, language) keep their words on one line.
        const wrapped = await page.locator('.app-header button').evaluateAll((buttons) => buttons.filter((button) => {
          const range = document.createRange();
          range.selectNodeContents(button);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
        }).map((button) => button.textContent));
        expect(wrapped).toEqual([]);
        await page.screenshot({ path: `${ARTIFACTS}/about-${lang}-${width}.png`, fullPage: true });
        expect(await seriousAxeViolations(page)).toEqual([]);
      });
    }
  }
});
