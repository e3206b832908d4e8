/**
 * `tsx scripts/bench/scale-browser.ts --dist <built app> --data <dataset dir> [--out <dir>] [--views trends,compare,profile]`
 *
 * Opens the built app in headless Chromium with `/data/` mapped to a dataset folder (e.g. the
 * synthetic national one from `npm run gen:synthetic`), visits the views in one page (partitions
 * loaded by an earlier view are not fetched again), and
 * prints per view (the first opened by URL, the others by their tab, as a reader moves on): time until the chart is drawn, the `atlas:partitions-loaded` marks (partitions,
 * bytes the app counted) and the `/data/` requests the browser made (count, bytes, Range or not).
 * Screenshots go to `--out` (default tests/artifacts/scale/). Loopback only; nothing else is fetched.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { startStaticServer } from '../e2e/static-server.ts';

const { values: args } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    data: { type: 'string', default: '.tmp/synthetic-national' },
    out: { type: 'string', default: 'tests/artifacts/scale' },
    views: { type: 'string', default: 'trends,compare,profile' },
    query: { type: 'string', default: '' },
  },
});

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A served root: the built app with `data` replaced by the dataset folder (symlinks, nothing copied). */
function servedRoot(dist: string, data: string): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-scale-root-'));
  for (const entry of readdirSync(dist)) if (entry !== 'data') symlinkSync(join(dist, entry), join(root, entry));
  symlinkSync(data, join(root, 'data'));
  return root;
}

interface DataRequest { url: string; range: string | null; bytes: number }

/** Waits until no `/data/` request has finished for `quietMs` (the view's loads are done). */
async function dataQuiet(page: Page, requests: DataRequest[], quietMs = 3000, maxMs = 240_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let seen = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    if (requests.length !== seen) { seen = requests.length; since = Date.now(); }
    if (Date.now() - since >= quietMs) return;
    await page.waitForTimeout(250);
  }
}

/** Opens a view: the first by URL (a cold start), the others by their tab (the same page, what is loaded stays). */
async function visit(page: Page, url: string, view: string, index: number, requests: DataRequest[]) {
  const started = Date.now();
  const first = requests.length;
  const marksBefore = await page.evaluate(() => performance.getEntriesByName('atlas:partitions-loaded').length).catch(() => 0);
  if (index === 0) await page.goto(url);
  else await page.locator('nav.view-tabs button').nth(VIEW_ORDER.indexOf(view)).click();
  await page.locator(`[data-testid="view-${view}"]`).waitFor({ timeout: 120_000 });
  const chart = page.locator(`[data-testid="view-${view}"] [data-testid="chart"] canvas, [data-testid="view-${view}"] table`).first();
  await chart.waitFor({ timeout: 180_000 });
  const ms = Date.now() - started;
  await dataQuiet(page, requests);
  const settled = Date.now() - started - 3000;
  await page.waitForTimeout(600); // let the chart finish drawing before the screenshot
  const marks = await page.evaluate((from) => performance.getEntriesByName('atlas:partitions-loaded').slice(from).map((e) => (e as PerformanceMark).detail as Record<string, number | string>), index === 0 ? 0 : marksBefore);
  const mine = requests.slice(first);
  return { ms, settled, marks, mine };
}

const VIEW_ORDER = ['trends', 'compare', 'profile', 'coverage', 'data'];

async function main(): Promise<void> {
  const root = servedRoot(resolve(args.dist), resolve(args.data));
  const server = await startStaticServer({ root });
  const profile = mkdtempSync(join(tmpdir(), 'atlas-scale-profile-'));
  mkdirSync(args.out, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, viewport: { width: 1440, height: 900 }, locale: 'zh-CN',
  });
  const requests: DataRequest[] = [];
  const errors: string[] = [];
  const origin = new URL(server.url).origin;
  try {
    await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort('blockedbyclient')));
    context.on('requestfinished', (request) => {
      const url = request.url();
      if (!url.includes('/data/')) return;
      void request.sizes().then((sizes) => {
        requests.push({ url: url.slice(url.indexOf('/data/')), range: request.headers().range ?? null, bytes: sizes.responseBodySize });
      }, () => undefined);
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    for (const [index, view] of args.views.split(',').entries()) {
      const url = `${server.url}?view=${view}${args.query ? `&${args.query}` : ''}`;
      const { ms, settled, marks, mine } = await visit(page, url, view, index, requests);
      await page.screenshot({ path: join(args.out, `${view}.png`) });
      const bytes = mine.reduce((s, r) => s + r.bytes, 0);
      const ranged = mine.filter((r) => r.range).length;
      console.log(`${view}: drawn in ${ms} ms, all loads done in ${settled} ms; /data/ requests ${mine.length} (${ranged} with Range), ${(bytes / 1e6).toFixed(2)} MB`);
      for (const mark of marks) console.log(`  mark ${JSON.stringify(mark)}`);
      const banner = await page.locator('[data-testid="synthetic-banner"]').count();
      console.log(`  synthetic banner shown: ${banner > 0}`);
    }
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  }
  if (errors.length > 0) {
    console.log(`page errors:\n  ${errors.join('\n  ')}`);
    process.exitCode = 1;
  }
}

await main();
