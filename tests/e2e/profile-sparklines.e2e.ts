/**
 * The Profile's sparklines are drawn as SVG (src/charts/SvgChart.tsx: no ECharts instance per row,
 * issue 12): every indicator row has one, with a drawn line or dot, at the width of its cell and
 * without a canvas, in both languages at 1440 and 375 px. Screenshots:
 * tests/artifacts/e2e/profile-sparklines-<lang>-<width>.png (git-ignored).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, sessionPerFile, waitForView } from './support.ts';

const session = sessionPerFile();

describe('profile sparklines', () => {
  it.each([
    { lang: 'zh', width: 1440 }, { lang: 'en', width: 1440 }, { lang: 'zh', width: 375 }, { lang: 'en', width: 375 },
  ] as const)('$lang at $width px: one SVG sparkline per row, drawn at its cell width, no canvas', async ({ lang, width }) => {
    const page = await session.open({ view: 'profile', lang: lang === 'en' ? 'en' : undefined }, { width, height: 900 });
    const root = await waitForView(page, 'profile', { content: true });
    const rows = root.locator('tbody tr:has(td.profile-spark)');
    await rows.first().waitFor({ timeout: 30_000 });
    // Each sparkline's SVG appears once its box is measured (the observer's first report).
    await page.waitForFunction(() => [...document.querySelectorAll('td.profile-spark [role="img"]')].every((box) => box.querySelector('svg path') !== null), null, { timeout: 30_000 });
    const sparks = await root.locator('td.profile-spark [role="img"]').evaluateAll((boxes) => boxes.map((box) => ({
      label: box.getAttribute('aria-label') ?? '',
      boxWidth: Math.round(box.getBoundingClientRect().width),
      svgWidth: Math.round(box.querySelector('svg')?.getBoundingClientRect().width ?? 0),
      viewBoxWidth: Number(box.querySelector('svg')?.getAttribute('viewBox')?.split(' ')[2] ?? 0),
      drawn: [...box.querySelectorAll('svg path')].some((p) => (p.getAttribute('d') ?? '').length > 0),
      canvas: box.querySelector('canvas') !== null,
    })));
    expect(sparks.length).toBe(await rows.count());
    expect(sparks.length).toBeGreaterThan(0);
    for (const s of sparks) {
      expect(s.drawn, s.label).toBe(true);
      expect(s.canvas, s.label).toBe(false);
      expect(s.label.length, 'each sparkline is described for screen readers').toBeGreaterThan(0);
      expect(s.svgWidth, s.label).toBe(s.boxWidth);
      // Drawn at the box's own width: nothing stretched (viewBox = the width ECharts drew for).
      expect(Math.abs(s.viewBoxWidth - s.boxWidth), s.label).toBeLessThanOrEqual(1);
    }
    await page.screenshot({ path: join(ARTIFACTS, `profile-sparklines-${lang}-${width}.png`), fullPage: true });
  });
});
