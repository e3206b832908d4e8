/**
 * The browser side of the e2e harness: one Chromium per test file, a fresh profile, every request
 * to another origin blocked and recorded, console errors and page errors recorded; the test hooks
 * of docs/DASHBOARD-CONVENTIONS.md in one place; helpers that read the canvas chart.
 */
import { TEST_TZ } from '../../vite.config.ts';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { PALETTE } from '../../src/charts/theme.ts';
import { chartsFinished } from './chart-text.ts';

// The user-data store as the app saved it (read in the page): kept in its own file, offered here with the other helpers.
export { storedUserDatasetFingerprints, storedUserDatasets } from './stored-user-data.ts';

export const VIEWS = ['trends', 'compare', 'profile', 'coverage', 'data'] as const;
export type View = (typeof VIEWS)[number];
export type Lang = 'zh' | 'en';

/** The test hooks (docs/DASHBOARD-CONVENTIONS.md). */
export const HOOK = {
  view: (view: View) => `[data-testid="view-${view}"]`,
  chart: '[data-testid="chart"]',
  provenance: '[data-testid="provenance"]',
  provenanceQuote: '[data-testid="provenance-quote"]',
  exportPng: '[data-testid="export-png"]',
  exportSvg: '[data-testid="export-svg"]',
  exportCsv: '[data-testid="export-csv"]',
  copyLink: '[data-testid="copy-link"]',
  dataTable: '[data-testid="data-table"]',
  downloadCsv: '[data-testid="download-csv"]',
} as const;

export const viewRootSelector = (view: View): string => HOOK.view(view);

/** Screenshots and exported files of the last run (git-ignored: tests/artifacts/). */
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/e2e/', import.meta.url));

/** The flags every run uses (STACK-NOTES.md); the profile directory is passed by launchPersistentContext. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface Session {
  context: BrowserContext;
  base: string;
  origin: string;
  /** Requests to any other origin (blocked). */
  foreign: string[];
  /** console.error messages, uncaught page errors and failed same-origin requests. */
  errors: string[];
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
  /** Asserts that nothing left the origin and nothing logged an error since the last check, then resets. */
  checkClean(): void;
  close(): Promise<void>;
}

export async function launch(): Promise<Session> {
  const { baseUrl, chromium: executablePath } = inject('e2e');
  const profile = mkdtempSync(join(tmpdir(), 'atlas-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    timezoneId: TEST_TZ,
    acceptDownloads: true,
  });
  const origin = new URL(baseUrl).origin;
  const foreign: string[] = [];
  const errors: string[] = [];
  const local = (url: string) => url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:') || new URL(url).origin === origin;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (local(url)) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  // Also counts requests the router does not see (e.g. from workers), so none can slip through unnoticed.
  context.on('request', (request) => {
    const url = request.url();
    if (!local(url) && !foreign.includes(url)) foreign.push(url);
  });
  const watch = (page: Page) => {
    page.on('console', (message) => { if (message.type() === 'error') errors.push(`console.error: ${message.text()}`); });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('requestfailed', (request) => {
      if (local(request.url()) && !request.url().startsWith('blob:') && !request.url().startsWith('data:')) {
        const reason = request.failure()?.errorText ?? '';
        // A navigation or reload cancels what the previous document still had in flight: not an error.
        if (!reason.includes('ERR_ABORTED')) errors.push(`requestfailed: ${request.url()} ${reason}`);
      }
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    context,
    base: baseUrl,
    origin,
    foreign,
    errors,
    async newPage({ width = 1440, height = 900 } = {}) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      return page;
    },
    checkClean() {
      const seen = { foreign: [...foreign], errors: [...errors] };
      foreign.length = 0;
      errors.length = 0;
      expect(seen.foreign, 'requests to another origin (must be none: no CDN, no telemetry)').toEqual([]);
      expect(seen.errors, 'console errors / page errors / failed requests').toEqual([]);
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A test file's one Chromium, as most files use it (see `sessionPerFile`). */
export interface FileSession {
  /** The session, launched before the file's first test. */
  readonly current: Session;
  /** The pages the running test opened with `open`, oldest first; closed after it (a page opened otherwise, pushed here, too). */
  readonly pages: Page[];
  /** A new page at the app URL for `state`, closed after the test. */
  open(state?: Record<string, string | string[] | undefined>, options?: { width?: number; height?: number }): Promise<Page>;
  /**
   * The file's warm page at the app URL for `state`: opened (a cold start) at the first call, then kept
   * across tests and moved to each later state as the browser's back/forward moves it (see `moveTo`),
   * so DuckDB starts once for all the cases that need a state shown rather than a fresh start. Scrolled
   * to the top, focus and pointer reset, resized to `options` (default 1440 × 900). Closed after a
   * failed test, so the next one starts cold, and after the file. `cold: true` starts it afresh (for a
   * case about the first load or the URL a fresh page writes), the later cases then reuse it; a case
   * about storage or a reload uses `open`.
   */
  warm(state?: Record<string, string | string[] | undefined>, options?: { width?: number; height?: number; cold?: boolean }): Promise<Page>;
}

/**
 * One Chromium for the test file: launched before its first test; after each test the pages it
 * opened are closed and the session is checked clean (no foreign request, no error); closed after
 * the last test. Call at the top level of the file.
 */
export function sessionPerFile(): FileSession {
  let session: Session | undefined;
  const pages: Page[] = [];
  let warmPage: Page | undefined;
  const closeWarm = async () => { const page = warmPage; warmPage = undefined; await page?.close(); };
  beforeAll(async () => { session = await launch(); });
  afterEach(async (context) => {
    await Promise.all(pages.splice(0).map((p) => p.close()));
    // A failed case may leave the warm page anywhere: the next case starts cold rather than inherit it.
    if (context.task.result?.state === 'fail') await closeWarm();
    try {
      session?.checkClean();
    } catch (error) {
      await closeWarm();
      throw error;
    }
  });
  afterAll(async () => { await closeWarm(); await session?.close(); });
  const current = (): Session => {
    if (!session) throw new Error('sessionPerFile: the session is used before beforeAll launched it');
    return session;
  };
  return {
    get current() { return current(); },
    pages,
    async open(state = {}, options) {
      const page = await current().newPage(options);
      pages.push(page);
      await page.goto(appUrl(current().base, state));
      return page;
    },
    async warm(state = {}, { width = 1440, height = 900, cold = false } = {}) {
      if (cold) await closeWarm();
      if (!warmPage || warmPage.isClosed()) {
        warmPage = await current().newPage({ width, height });
        await warmPage.goto(appUrl(current().base, state));
        return warmPage;
      }
      await warmPage.setViewportSize({ width, height });
      await warmPage.mouse.move(0, 0);
      await moveTo(warmPage, appUrl(current().base, state));
      return warmPage;
    },
  };
}

/**
 * The file's warm page (`files.warm`) at `state` with its view mounted anew: moved to the About page
 * first, then to `state`, so a view whose forms keep their state inside the view (我的数据's imports)
 * starts empty, as on a fresh load, while DuckDB stays started. What the browser keeps (IndexedDB,
 * the history) stays: a case about stored data read at start-up opens a fresh page instead.
 */
export async function warmRemounted(files: FileSession, state: Record<string, string | string[] | undefined>, options?: { width?: number; height?: number }): Promise<Page> {
  await files.warm({ view: 'about', lang: state.lang }, options);
  return files.warm(state, options);
}

/**
 * Moves an open page to another state of the app as the browser's back/forward does: a history entry
 * and a popstate, which the app's URL state (nuqs) follows without a reload. Scrolls to the top and
 * blurs the focused element, as a page opened at that URL would be, and waits until the DOM is quiet.
 */
export async function moveTo(page: Page, href: string): Promise<void> {
  await page.evaluate((to) => {
    (document.activeElement as HTMLElement | null)?.blur();
    history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    window.scrollTo(0, 0);
  }, href);
  await expect.poll(() => page.url(), { message: 'the page moved to the state asked for' }).toBe(href);
  await waitForQuiet(page, 300);
}

/** The app URL for a state (only non-default parameters, as the app writes them). */
export function appUrl(base: string, state: Record<string, string | string[] | undefined> = {}): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(state)) {
    if (value === undefined) continue;
    url.searchParams.set(key, Array.isArray(value) ? value.join(',') : value);
  }
  return url.href.replace(/%2C/g, ',');
}

/** The element that shows a view's content once loaded: its chart, or the Data view's table. */
export const MAIN_HOOK: Record<View, string> = {
  trends: HOOK.chart, compare: HOOK.chart, profile: HOOK.chart, coverage: HOOK.chart, data: HOOK.dataTable,
};

/** Status messages of work in progress (Loading…, Querying…, 正在查询…) end with an ellipsis. */
export async function loadingCount(page: Page): Promise<number> {
  return page.locator('main [role="status"]').evaluateAll((elements) =>
    elements.filter((e) => (e as HTMLElement).offsetParent !== null && (e.textContent ?? '').trim().endsWith('…')).length);
}

/**
 * Waits until a view's root (`data-testid="view-<view>"`) is shown and nothing in the page is
 * still loading; with `content`, also its main hook (chart or data table). Fails with a message that
 * names the missing hook.
 */
export async function waitForView(page: Page, view: View, { timeout = 30_000, content = false } = {}): Promise<Locator> {
  const selector = viewRootSelector(view);
  const root = page.locator(selector);
  await root.first().waitFor({ state: 'visible', timeout }).catch(() => {
    throw new Error(`${view}: ${selector} did not appear within ${timeout} ms (the view, or its test hook, is missing)`);
  });
  if (content) {
    await root.locator(MAIN_HOOK[view]).first().waitFor({ state: 'visible', timeout }).catch(() => {
      throw new Error(`${view}: ${MAIN_HOOK[view]} did not appear inside ${selector} within ${timeout} ms`);
    });
  }
  await expect.poll(() => loadingCount(page), { timeout, message: `${view}: still loading after ${timeout} ms` }).toBe(0);
  return root.first();
}

/**
 * Waits until the view's chart has drawn and its entry animation is over: the chart hook holds an
 * ECharts canvas or svg, or (a chart made of HTML, e.g. a grid or a table of sparklines) a table. The
 * animation's end is ECharts' own `finished` event of every chart in the view (chart-text.ts
 * `chartsFinished`), not a sleep of the animation's length: on a loaded machine a fixed 1.2 s was
 * either too short or wasted, once per chart state in every file.
 */
export async function waitForChart(root: Locator, timeout = 30_000): Promise<Locator> {
  const chart = root.locator(HOOK.chart).first();
  await chart.locator('canvas, svg, table').first().waitFor({ state: 'visible', timeout }).catch(() => {
    throw new Error(`${HOOK.chart}: nothing drawn in it (no canvas, svg or table) within ${timeout} ms`);
  });
  await waitForQuiet(root.page());
  if (!(await chart.locator('canvas, svg').count())) return chart;
  // Drawings with no live instance (Profile's sparklines: SVG strings, SvgChart.tsx) are drawn without
  // animation; the quiet DOM above is their end.
  await chartsFinished(root, timeout);
  return chart;
}

/** Waits until the DOM has not changed for `quietMs` (late query results re-render parts of a view). */
export async function waitForQuiet(page: Page, quietMs = 500, timeout = 15_000): Promise<void> {
  await page.evaluate(({ quietMs, timeout }) => new Promise<void>((done) => {
    let timer = setTimeout(finish, quietMs);
    const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(finish, quietMs); });
    const limit = setTimeout(finish, timeout);
    function finish() { observer.disconnect(); clearTimeout(limit); clearTimeout(timer); done(); }
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  }), { quietMs, timeout });
}

export interface ChartPoint {
  /** Page coordinates of the symbol's centre. */
  x: number;
  y: number;
  color: string;
}

/**
 * Finds the data symbols on a canvas chart: 7 px squares mostly of one palette colour
 * (lines are 2 px, so they never qualify), inside the plot area (legends excluded by `inset`).
 * Reads the canvas' own pixels (not a screenshot), so the page background does not matter.
 * The points are page-viewport coordinates for `page.mouse`: the chart is scrolled wholly into view
 * first, so a later element screenshot or scroll-into-view does not move it from under them (a chart
 * whose bottom was 16 px below the fold made a click land 16 px under its point).
 */
export async function findSymbols(chart: Locator, inset = { top: 40, bottom: 90, left: 40, right: 20 }): Promise<ChartPoint[]> {
  await chart.evaluate((element) => {
    const box = element.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) element.scrollIntoView({ block: 'nearest' });
  });
  const palette = PALETTE.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number]);
  return chart.evaluate((element, { palette, inset, hexes }) => {
    const canvas = element.querySelector('canvas');
    if (!canvas) return [];
    const context = canvas.getContext('2d');
    if (!context) return [];
    const { width, height } = canvas;
    const scale = width / canvas.clientWidth;
    const pixels = context.getImageData(0, 0, width, height).data;
    const colourAt = (x: number, y: number): number => {
      const i = (y * width + x) * 4;
      if (pixels[i + 3]! < 128) return -1; // symbols are drawn at 0.8 opacity on a transparent canvas
      return palette.findIndex(([r, g, b]) => Math.abs(pixels[i]! - r) <= 3 && Math.abs(pixels[i + 1]! - g) <= 3 && Math.abs(pixels[i + 2]! - b) <= 3);
    };
    const half = Math.round(3 * scale);
    const found: { x: number; y: number; c: number; n: number }[] = [];
    const y0 = Math.round(inset.top * scale);
    const y1 = height - Math.round(inset.bottom * scale);
    const x0 = Math.round(inset.left * scale);
    const x1 = width - Math.round(inset.right * scale);
    for (let y = y0 + half; y < y1 - half; y += 1) {
      for (let x = x0 + half; x < x1 - half; x += 1) {
        const c = colourAt(x, y);
        if (c < 0) continue;
        // At least 3/4 of the window in the colour: a grid line crossing a symbol is tolerated, a 2 px line never fills it.
        let same = 0;
        for (let dy = -half; dy <= half; dy += 1) for (let dx = -half; dx <= half; dx += 1) if (colourAt(x + dx, y + dy) === c) same += 1;
        if (same < 0.75 * (2 * half + 1) ** 2) continue;
        const near = found.find((f) => f.c === c && Math.abs(f.x / f.n - x) < 8 * scale && Math.abs(f.y / f.n - y) < 8 * scale);
        if (near) { near.x += x; near.y += y; near.n += 1; } else found.push({ x, y, c, n: 1 });
      }
    }
    const rect = canvas.getBoundingClientRect();
    return found.map((f) => ({ x: rect.left + f.x / f.n / scale, y: rect.top + f.y / f.n / scale, color: hexes[f.c]! }));
  }, { palette, inset, hexes: [...PALETTE] });
}

/** The text of the ECharts tooltip shown in a chart (empty when none is shown). */
export async function tooltipText(chart: Locator): Promise<string> {
  return chart.evaluate((element) => {
    const tips = [...element.querySelectorAll<HTMLElement>('div')].filter((d) => d.style.zIndex === '9999999' && d.style.display !== 'none' && d.style.opacity !== '0');
    return tips.map((d) => d.innerText).join('\n').trim();
  });
}

/** Hovers a point and returns the tooltip text it shows. */
export async function hoverTooltip(page: Page, chart: Locator, point: ChartPoint): Promise<string> {
  await page.mouse.move(point.x - 30, point.y - 30);
  await page.mouse.move(point.x, point.y, { steps: 2 });
  let text = '';
  await expect.poll(async () => (text = await tooltipText(chart)), { timeout: 5000, message: 'tooltip after hovering a point' }).not.toBe('');
  return text;
}

/** Reads a PNG's size from its IHDR chunk. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex'), 'PNG signature').toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Fails clearly when a feature's element is not on the page (instead of timing out on a click). */
export async function expectFeature(locator: Locator, feature: string): Promise<void> {
  await expect.poll(() => locator.count(), { timeout: 5000, message: `${feature} is not on the page (not implemented yet?)` }).toBeGreaterThan(0);
}

/**
 * Runs axe-core on the page and returns its critical violations (one line each); serious ones are
 * printed, not failed. Legacy mode (axe.run in the page; the app has no iframes) and violations only:
 * on the Coverage grid (~2,400 nodes) this takes ~2 s instead of ~12 s.
 */
export async function criticalAxeViolations(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious');
  if (serious.length) console.warn(`[axe] ${label}: serious (not failing): ${serious.map((v) => `${v.id} ×${v.nodes.length}`).join(', ')}`);
  return results.violations.filter((v) => v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

/** The header's language button, as a reader switches (no reload: the open view re-renders in place). */
export async function switchLanguage(page: Page, to: Lang): Promise<void> {
  await page.locator('button.lang-switch').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang), { message: `page language ${to}` }).toMatch(to === 'zh' ? /^zh/ : /^en/);
}
