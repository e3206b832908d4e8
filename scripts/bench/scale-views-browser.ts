/**
 * The Coverage grid at national scale in headless Chromium: a SYNTHETIC dataset (2,850 places ×
 * INDICATORS indicators × YEARS years, scale-views-data.ts) written as CSV into .tmp/, served with a
 * built app in place of its data/ (public/data is never touched), then Coverage opened, every
 * province expanded, scrolled and walked by keyboard. Prints load / expand / scroll times and how
 * many cells are in the DOM; screenshots go to .tmp/scale-views-*.png.
 *
 *   npx vite build --outDir /tmp/scale-views-dist
 *   DIST=/tmp/scale-views-dist INDICATORS=30 YEARS=2 npx tsx scripts/bench/scale-views-browser.ts
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startStaticServer } from '../e2e/static-server.ts';
import { openBenchDb, SYNTH } from './scale-views-data.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIST = process.env.DIST ?? '/tmp/scale-views-dist';
const SITE = join(ROOT, '.tmp', 'scale-views-site');
const shape = { ...SYNTH, indicators: Number(process.env.INDICATORS ?? 30), years: Number(process.env.YEARS ?? 2), firstYear: 2022 };
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function writeSite(): Promise<number> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`No built app in ${DIST}: run npx vite build --outDir ${DIST} first`);
  rmSync(SITE, { recursive: true, force: true });
  cpSync(DIST, SITE, { recursive: true });
  rmSync(join(SITE, 'data'), { recursive: true, force: true });
  mkdirSync(join(SITE, 'data'));
  const db = await openBenchDb(null, shape);
  for (const table of ['observations', 'reports', 'regions', 'indicators', 'rejects']) {
    await db.exec(`COPY ${table} TO '${join(SITE, 'data', `${table}.csv`)}' (HEADER, DELIMITER ',')`);
  }
  const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM observations')) as [{ n: number }];
  db.close();
  return n;
}

/** Milliseconds from `action` until the grid has painted twice with nothing left loading. */
async function timed(page: Page, action: () => Promise<void>): Promise<number> {
  const start = await page.evaluate(() => performance.now());
  await action();
  return page.evaluate(async (t0) => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return performance.now() - t0;
  }, start);
}

const domCounts = (page: Page) => page.evaluate(() => {
  const grid = document.querySelector('[role="grid"]')!;
  return {
    cells: grid.querySelectorAll('td[data-r]').length,
    rows: grid.querySelectorAll('tr[aria-rowindex]').length - 2,
    rowcount: Number(grid.getAttribute('aria-rowcount')),
    colcount: Number(grid.getAttribute('aria-colcount')),
  };
});

const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  return { r: el?.dataset.r, c: el?.dataset.c, label: el?.getAttribute('aria-label') ?? el?.textContent ?? '' };
});

/** The Data view's pager on the same dataset: each move timed until the first row and the page number have changed. */
async function dataView(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: '数据' }).click();
  const table = page.locator('[data-testid="data-table"]');
  await table.waitFor({ timeout: 120_000 });
  const pager = page.getByRole('navigation', { name: '分页' });
  const state = () => page.evaluate(() => {
    const nav = document.querySelector('nav.data-pagination');
    const first = document.querySelector('[data-testid="data-table"] tbody tr');
    return `${nav?.querySelector('[aria-live]')?.textContent ?? ''} | ${nav?.querySelector('.data-page-info')?.textContent ?? ''} | ${(first?.textContent ?? '').slice(0, 24)}`;
  });
  console.log(`Data: ${await state()}`);
  for (const name of ['末页', '上一页', '下一页', '首页', '下一页']) {
    const before = await state();
    const start = Date.now();
    await pager.getByRole('button', { name, exact: true }).click();
    await page.waitForFunction((b) => {
      const nav = document.querySelector('nav.data-pagination');
      const first = document.querySelector('[data-testid="data-table"] tbody tr');
      return `${nav?.querySelector('[aria-live]')?.textContent ?? ''} | ${nav?.querySelector('.data-page-info')?.textContent ?? ''} | ${(first?.textContent ?? '').slice(0, 24)}` !== b
        && !document.querySelector('[data-testid="data-table"][aria-busy="true"]');
    }, before, { timeout: 60_000 });
    console.log(`  ${name}: ${Date.now() - start} ms → ${await state()}`);
  }
  await page.screenshot({ path: join(ROOT, '.tmp', 'scale-views-data.png') });
}

async function main(): Promise<void> {
  const nRows = await writeSite();
  const server = await startStaticServer({ root: SITE });
  const profile = mkdtempSync(join(tmpdir(), 'scale-views-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, viewport: { width: 1440, height: 900 }, locale: 'zh-CN',
  });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    console.log(`SYNTHETIC: ${shape.places} places × ${shape.indicators} indicators × ${shape.years} years = ${nRows} rows`);
    const t0 = Date.now();
    await page.goto(`${server.url}?view=coverage`);
    await page.locator('[role="grid"]').waitFor({ timeout: 120_000 }).catch(async (error: unknown) => {
      await page.screenshot({ path: join(ROOT, '.tmp', 'scale-views-failed.png') });
      throw new Error(`No grid (page errors: ${errors.join(' | ') || 'none'}); see .tmp/scale-views-failed.png`, { cause: error });
    });
    console.log(`Coverage grid shown ${Date.now() - t0} ms after navigation (DuckDB start, CSV load, queries, grid build)`);
    console.log('collapsed:', await domCounts(page));

    const expand = await timed(page, () => page.getByRole('button', { name: '全部展开' }).click());
    console.log(`expand all: ${expand.toFixed(0)} ms`, await domCounts(page));
    await page.screenshot({ path: join(ROOT, '.tmp', 'scale-views-expanded.png') });

    const scroller = page.locator('[data-testid="chart"]');
    const scrolls: number[] = [];
    for (const top of [5000, 20000, 40000, 60000, 999999]) {
      scrolls.push(await timed(page, () => scroller.evaluate((el, y) => { el.scrollTop = y; }, top)));
    }
    console.log(`scroll jumps: ${scrolls.map((ms) => ms.toFixed(0)).join(', ')} ms`, await domCounts(page));
    await page.screenshot({ path: join(ROOT, '.tmp', 'scale-views-bottom.png') });

    // Keyboard: into the grid, then across and down it, the focus always on a drawn cell.
    await scroller.evaluate((el) => { el.scrollTop = 0; el.scrollLeft = 0; });
    await page.locator('[role="grid"] [tabindex="0"]').first().focus();
    const keys: Array<[string, string]> = [['ArrowRight', ''], ['End', ''], ['PageDown', ''], ['Control+End', ''], ['Home', ''], ['PageUp', ''], ['Control+Home', '']];
    for (const entry of keys) {
      const ms = await timed(page, () => page.keyboard.press(entry[0]));
      const at = await focused(page);
      entry[1] = `${entry[0]} → r${at.r} c${at.c} (${ms.toFixed(0)} ms) ${at.label.slice(0, 40)}`;
    }
    for (const [, line] of keys) console.log(`  ${line}`);
    await page.keyboard.press('Control+End');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ROOT, '.tmp', 'scale-views-end.png') });
    await dataView(page);
    console.log('errors:', errors.length ? errors : 'none');
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
