/**
 * The first chart before any JavaScript runs (issue 12): the build prerenders the landing page into
 * index.html (scripts/vite/prerender-plugin.ts, src/app/prerender.tsx) with the chart as static SVG.
 * - With the app's scripts blocked, the landing URL shows the chart drawn from the shipped snapshot
 *   (its indicator's name, its places in the legend) at the chart box's size, its controls disabled
 *   (a choice made before the app runs would be lost), and axe finds nothing serious.
 * - Any other URL (another view, indicator, English) hides the prerender before it paints.
 * - Loaded normally, the live chart takes over without a jump: the chart box is where the prerender
 *   put it, to the pixel, at 1440 and 375 px, and the static drawing is removed only once the live
 *   canvas is there.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { isLandingSnapshot } from '../../src/core/snapshot.ts';
import { HOOK, sessionPerFile } from './support.ts';

const LOADED = 60_000;
const files = sessionPerFile();
const snapshot: unknown = JSON.parse(readFileSync(new URL('../../public/data/snapshot.json', import.meta.url), 'utf8'));
if (!isLandingSnapshot(snapshot)) throw new Error('public/data/snapshot.json is not a landing snapshot');
const indicatorName = String(snapshot.indicators.find((i) => i.indicator_id === snapshot.indicator)?.name_zh);
const placeNames = [...new Set(snapshot.trend.map((p) => String(p.region_name)))];

/** Opens a URL with the app's own scripts refused: what the page shows before any of them runs. */
async function openWithoutAppScripts(search: string, width = 1440): Promise<Page> {
  const page = await files.current.newPage({ width, height: 900 });
  await page.route('**/assets/*.js', (route) => route.abort());
  await page.goto(`${files.current.base}${search}`);
  return page;
}

/** The failed script requests are this test's doing, not the page's. */
const forgetRefusedScripts = () => { files.current.errors.splice(0); };

interface Box { x: number; y: number; width: number; height: number }
declare global {
  interface Window { __firstPaint?: { prerendered: Box | null; handedOver: Box | null; canvasAtHandOver: boolean } }
}

/** Records the chart box when the prerender is first seen and when its static drawing is removed. */
function recordHandOver() {
  const state: NonNullable<Window['__firstPaint']> = { prerendered: null, handedOver: null, canvasAtHandOver: false };
  window.__firstPaint = state;
  const boxOf = (): Box | null => {
    const r = document.querySelector('[data-testid="chart"] [role="img"]')?.getBoundingClientRect();
    return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
  };
  // The prerender's box as first painted: in the first frame (stylesheets block it, so they are applied).
  requestAnimationFrame(() => { if (document.querySelector('.static-chart')) state.prerendered = boxOf(); });
  const observer = new MutationObserver(() => {
    const drawing = document.querySelector('.static-chart');
    if (!drawing && state.prerendered && !state.handedOver) {
      state.handedOver = boxOf();
      state.canvasAtHandOver = document.querySelector('[data-testid="chart"] [role="img"] canvas') !== null;
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

describe('the prerendered landing page', () => {
  it('shows the landing chart from the shipped snapshot before any script of the app runs', async () => {
    const page = await openWithoutAppScripts('');
    try {
      const chart = page.locator(HOOK.chart);
      expect(await page.locator('.chart-area h2').textContent()).toContain(indicatorName);
      const drawing = chart.locator('.static-chart > div:visible svg');
      await expect.poll(() => drawing.count(), { message: 'one static drawing shown' }).toBe(1);
      const legend = await drawing.textContent();
      for (const name of placeNames) expect(legend, `the legend names ${name}`).toContain(name);
      const box = await chart.locator('[role="img"]').boundingBox();
      const svg = await drawing.boundingBox();
      expect(svg, 'the drawing fills the chart box').toEqual(box);
      expect(await chart.locator('[role="img"]').getAttribute('aria-label')).toContain(indicatorName);
      // Its controls are shown but unavailable: a choice made now would be lost when the app takes over.
      const controls = page.locator('main select, main input, main button');
      expect(await controls.count(), 'the indicator picker, place boxes and tabs are drawn').toBeGreaterThan(3);
      expect(await controls.evaluateAll((all) => all.filter((c) => !c.matches(':disabled')).map((c) => c.outerHTML.slice(0, 80))), 'controls usable before the app runs').toEqual([]);
      const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze();
      expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      await page.screenshot({ path: 'tests/artifacts/e2e/first-paint-before-js-1440.png' });
    } finally {
      await page.close();
      forgetRefusedScripts();
    }
  });

  it.each(['?lang=en', '?view=compare', `?indicator=${snapshot.indicator}&regions=${snapshot.regionCodes[0]}`])('is hidden for %s', async (search) => {
    const page = await openWithoutAppScripts(search);
    try {
      await expect.poll(() => page.locator('[data-prerendered]').isVisible()).toBe(false);
      expect(await page.locator('main').count(), 'the prerendered HTML is there, hidden').toBe(1);
    } finally {
      await page.close();
      forgetRefusedScripts();
    }
  });

  it.each([1440, 375])('hands over to the live chart without a jump at %i px', async (width) => {
    const page = await files.current.newPage({ width, height: 900 });
    try {
      await page.addInitScript(recordHandOver);
      await page.goto(files.current.base);
      await expect.poll(() => page.evaluate(() => window.__firstPaint?.handedOver ?? null), { timeout: LOADED, message: 'the static drawing is removed' }).not.toBeNull();
      const { prerendered, handedOver, canvasAtHandOver } = (await page.evaluate(() => window.__firstPaint))!;
      expect(prerendered).not.toBeNull();
      expect(handedOver, 'the chart box where the prerender put it').toEqual(prerendered);
      expect(canvasAtHandOver, 'the live canvas was there when the drawing went').toBe(true);
      // The live page's controls are usable (the prerender's were disabled).
      await expect.poll(() => page.getByRole('combobox', { name: /指标/ }).isEnabled(), { timeout: LOADED }).toBe(true);
      expect(await page.locator('fieldset[data-prerendered]').count(), 'the prerendered page is gone').toBe(0);
      await page.screenshot({ path: `tests/artifacts/e2e/first-paint-live-${width}.png` });
    } finally {
      await page.close();
    }
  });
});
