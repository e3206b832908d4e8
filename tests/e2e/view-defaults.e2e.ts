/**
 * Every view shows its default content before DuckDB is ready (issue 12): with DuckDB's files refused,
 * Compare, Profile, Coverage and Data opened on their default state still draw their chart or table
 * from the defaults the build captured (src/app/capture-view-defaults.tsx), in both languages, and the
 * start-up line says the content is precomputed. A view opened with a choice made has no defaults and
 * keeps waiting for the database.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HOOK, MAIN_HOOK, sessionPerFile, type View } from './support.ts';

const files = sessionPerFile();
const SHOWN = 30_000;

/** Opens a URL with DuckDB's worker and wasm refused: the page can only show what needs no database. */
async function openWithoutDuckDb(search: string): Promise<Page> {
  const page = await files.current.newPage({ width: 1440, height: 900 });
  await page.route(/duckdb|\.wasm(\.br|\.gz)?$/, (route) => route.abort());
  await page.goto(`${files.current.base}${search}`);
  return page;
}

const forgetRefused = () => { files.current.errors.splice(0); };

describe('view defaults before DuckDB', () => {
  it.each([
    ['compare', 'zh'], ['profile', 'zh'], ['coverage', 'zh'], ['data', 'zh'],
    ['compare', 'en'], ['profile', 'en'], ['coverage', 'en'], ['data', 'en'],
  ] as Array<[Exclude<View, 'trends'>, 'zh' | 'en']>)('%s (%s) shows its default content without the database', async (view, lang) => {
    const page = await openWithoutDuckDb(`?view=${view}${lang === 'en' ? '&lang=en' : ''}`);
    try {
      const content = page.locator(`[data-testid="view-${view}"] ${MAIN_HOOK[view]}`).first();
      await content.waitFor({ state: 'visible', timeout: SHOWN });
      const status = await page.getByTestId('db-status').textContent() ?? '';
      expect(status).toContain(lang === 'zh' ? '预先算好的默认内容' : 'precomputed default content');
      // Its two sentences set as the language sets them (joinSentences): no space after a Chinese full stop.
      if (lang === 'zh') expect(status).toMatch(/就绪。数据库加载中/);
      else expect(status).toMatch(/database\. Loading the database/);
      if (view !== 'data') await expect.poll(() => content.locator('canvas, svg, table').count(), { timeout: SHOWN }).toBeGreaterThan(0);
      await page.screenshot({ path: `tests/artifacts/e2e/view-defaults-${view}-${lang}.png` });
    } finally {
      await page.close();
      forgetRefused();
    }
  });

  it('a view with a choice made waits for the database (no defaults for it)', async () => {
    const page = await openWithoutDuckDb('?view=compare&peers=province');
    try {
      await page.locator('[data-testid="view-compare"]').first().waitFor({ state: 'visible', timeout: SHOWN });
      await page.waitForTimeout(2000);
      expect(await page.locator(`[data-testid="view-compare"] ${HOOK.chart}`).count()).toBe(0);
    } finally {
      await page.close();
      forgetRefused();
    }
  });
});
