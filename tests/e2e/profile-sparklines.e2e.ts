/**
 * The Profile's sparklines are drawn as SVG (src/charts/SvgChart.tsx: no ECharts instance per row,
 * issue 12): every indicator row has one, with a drawn line or dot, at the width of its cell and
 * without a canvas, in both languages at 1440 and 375 px. Screenshots:
 * tests/artifacts/e2e/profile-sparklines-<lang>-<width>.png (git-ignored). A sparkline is drawn after
 * the table (deferred, issue 12): moving to another place never shows the previous place's drawing.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, sessionPerFile, waitForView } from './support.ts';

const session = sessionPerFile();
/** Two shipped places with profiles (北京市通州区, 温州市). */
const FIRST = '110112';
const SECOND = '330300';

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

  it('moving to another place shows each row empty or with that place\'s own drawing, never the previous place\'s', async () => {
    const page = await session.open({ view: 'profile', focus: SECOND }, { width: 1440, height: 900 });
    const root = await waitForView(page, 'profile', { content: true });
    await root.locator('tbody tr:has(td.profile-spark)').first().waitFor({ timeout: 30_000 });
    const allDrawn = () => page.waitForFunction(() => {
      const boxes = [...document.querySelectorAll('td.profile-spark [role="img"]')];
      return boxes.length > 0 && boxes.every((box) => box.querySelector('svg path') !== null);
    }, null, { timeout: 30_000 });
    const moveTo = (focus: string) => page.evaluate((code) => {
      history.pushState(null, '', `${location.pathname}?view=profile&focus=${code}`);
      dispatchEvent(new PopStateEvent('popstate', { state: null }));
    }, focus);
    await allDrawn();
    // Both places' figures are in the cache once each was shown: the move observed below redraws the rows in place.
    await moveTo(FIRST);
    await page.waitForFunction(() => document.querySelector('[data-testid="view-profile"] h2')?.textContent?.includes('通州区') ?? false, null, { timeout: 30_000 });
    await allDrawn();
    // Every state any sparkline box passes through, with the place the heading names at that moment.
    const before = await page.evaluate(() => {
      const state = () => [...document.querySelectorAll('td.profile-spark [role="img"]')].map((box) => ({
        place: document.querySelector('[data-testid="view-profile"] h2')?.textContent ?? '', label: box.getAttribute('aria-label') ?? '', svg: box.innerHTML,
      }));
      const seen: Array<ReturnType<typeof state>[number]> = [];
      const observer = new MutationObserver(() => seen.push(...state()));
      observer.observe(document.querySelector('main')!, { subtree: true, childList: true, attributes: true, characterData: true });
      (window as unknown as { sparkStates: typeof seen }).sparkStates = seen;
      return state();
    });
    await moveTo(SECOND);
    await page.waitForFunction((first) => !(document.querySelector('[data-testid="view-profile"] h2')?.textContent ?? first).includes(first), before[0]!.place, { timeout: 30_000 });
    await allDrawn();
    await page.waitForTimeout(300);
    const after = await page.evaluate(() => [...document.querySelectorAll('td.profile-spark [role="img"]')].map((box) => ({
      place: document.querySelector('[data-testid="view-profile"] h2')?.textContent ?? '', label: box.getAttribute('aria-label') ?? '', svg: box.innerHTML,
    })));
    const seen = await page.evaluate(() => (window as unknown as { sparkStates: Array<{ place: string; label: string; svg: string }> }).sparkStates);
    expect(after[0]!.place).not.toBe(before[0]!.place);
    const final = new Map([...before, ...after].map((s) => [`${s.place}|${s.label}`, s.svg]));
    const shown = seen.filter((s) => s.svg !== '');
    expect(shown.length, 'the observer saw the new drawings').toBeGreaterThan(0);
    for (const s of shown) expect(s.svg, `${s.place}: ${s.label}`).toBe(final.get(`${s.place}|${s.label}`));
  });
});
