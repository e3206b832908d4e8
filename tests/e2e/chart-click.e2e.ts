/**
 * Clicking a point hands over to the source panel: no tooltip is left over the chart (1440 px), and
 * on a 375 px phone a tapped point's source panel, which sits below the chart, scrolls into view.
 * Trends on 灵丘县 and 广灵县's mediation success rate (two whole-year points). Screenshots
 * chart-click-<width>.png.
 */
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, HOOK, findSymbols, hoverTooltip, sessionPerFile, tooltipText, waitForChart, waitForView } from './support.ts';

const files = sessionPerFile();
const LOADED = 90_000;
const STATE = { indicator: 'mediation.success_rate', regions: '140224,140223' };

const SCREEN = 560;

describe('a clicked point opens its source, and nothing is left in the way', { timeout: 300_000 }, () => {
  it('hides the tooltip when the source panel opens (1440 px)', async () => {
    const page = await files.open(STATE);
    const root = await waitForView(page, 'trends', { timeout: LOADED, content: true });
    const chart = await waitForChart(root, LOADED);
    const [point] = await findSymbols(chart);
    expect(point, 'a point to click').toBeDefined();
    expect(await hoverTooltip(page, chart, point!), 'the tooltip shows on hover').not.toBe('');
    await page.mouse.click(point!.x, point!.y);
    await root.locator(HOOK.provenanceQuote).waitFor({ timeout: LOADED });
    // Poll for a while: a tooltip that comes back after the click (ECharts' own click handling) fails too.
    await page.waitForTimeout(800);
    expect(await tooltipText(chart), 'tooltip after the click').toBe('');
    await page.screenshot({ path: `${ARTIFACTS}/chart-click-1440.png` });
  });

  it('scrolls a tapped point\'s source panel into view and leaves no tooltip (375 px)', async () => {
    // A short phone screen, so that the source panel starts below it once the chart is in view.
    const page = await files.open(STATE, { width: 375, height: SCREEN });
    const root = await waitForView(page, 'trends', { timeout: LOADED, content: true });
    const chart = await waitForChart(root, LOADED);
    await chart.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    const panel = root.locator(HOOK.provenance);
    const before = await panel.boundingBox();
    expect(before!.y, 'the panel starts below the screen (else this test shows nothing)').toBeGreaterThan(SCREEN);
    const [point] = await findSymbols(chart);
    expect(point, 'a point to tap').toBeDefined();
    await page.mouse.click(point!.x, point!.y);
    await root.locator(HOOK.provenanceQuote).waitFor({ timeout: LOADED });
    await expect.poll(async () => {
      const box = await panel.boundingBox();
      return box !== null && box.y >= -1 && box.y < SCREEN - 100;
    }, { timeout: 10_000, message: 'the source panel\'s top is on screen after the tap' }).toBe(true);
    expect(await tooltipText(chart), 'tooltip after the tap').toBe('');
    await page.screenshot({ path: `${ARTIFACTS}/chart-click-375.png` });
  });
});
