/**
 * `npm run bench:user-rows -- --rows N`: what a researcher's large table costs in the browser, on
 * the production build in Debian Chromium, through the real UI.
 *
 * Writes a SYNTHETIC long-format CSV (benchmarks only, never shipped: real county codes from
 * divisions.csv, invented values, every row a distinct place × year × indicator so all are valid),
 * imports it in the 我的数据 view, confirms, and records: read + check time, the save time (click
 * to "已保存") and the longest main-thread task while saving (PerformanceObserver 'longtask');
 * then reloads twice with the rows stored and records, on the landing page: the first chart
 * (`atlas:first-chart`), DuckDB ready with the stored rows in (`atlas:dataset-loaded`), the first
 * view query answered after that (the first `atlas:query` measure that starts after it ends), and
 * the longest main-thread task from navigation until then; and on the 我的数据 view, when the list of
 * stored datasets appears (it waits for every stored dataset to be in DuckDB). Since the stored rows
 * load after the views' first answers (branch userstart), it also records when they are queryable
 * (`atlas:user-rows-queryable`), the first query answered after that, when the page's "loading your
 * saved rows" line goes, and every main-thread task over 200 ms until then; and each start-up step
 * (`atlas:startup-step`). Prints one JSON line with the load average.
 *
 * Usage: npm run bench:user-rows -- [--rows N | --datasets N [--rows-each K]] [--dist <dir>] [--trace] [--screenshots <dir>]
 * (`--rows 0`: nothing is imported; the reloads then measure the same start-up with no stored rows, the floor.)
 * (`--datasets N`: instead of one large import, N small SYNTHETIC datasets of K rows each (default 2) are
 * written into the page's store (synthetic-datasets.ts): many reports imported one by one.)
 * (`--screenshots` adds four reloads, zh/en × 1440/375 px, each photographed once the landing chart
 * is answered, while the stored rows are still loading: the status line a reader sees.)
 * (`--dist` a build of another commit measures that commit with the same script: before/after.
 * `--trace` adds a third reload under a Chromium trace and names what the longest start-up tasks
 * ran, main-thread-trace.ts; its timings are not used, tracing slows the page.)
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { INDICATORS } from '../../src/core/catalog/indicators.ts';
import { chromiumPath } from '../e2e/prerequisites.ts';
import { startStaticServer } from '../e2e/static-server.ts';
import { buildInto } from './bundle-size.ts';
import { longestTasks, startTrace, stopTrace, type TaskBreakdown } from './main-thread-trace.ts';
import { storeDatasets, syntheticDatasets } from './synthetic-datasets.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TIMEOUT = 30 * 60_000;

/** SYNTHETIC rows: distinct (place, year, indicator), values within each unit's range. */
function syntheticCsv(rows: number): string {
  const codes = readFileSync(join(REPO, 'public/data/divisions.csv'), 'utf8').replace(/^\ufeff/, '').split('\n').slice(1)
    .map((l) => l.split(',')[0]!).filter((c) => /^\d{6}$/.test(c));
  const lines = ['region_code,year,indicator_id,value'];
  outer: for (const indicator of INDICATORS) {
    for (let year = 1990; year <= 2025; year += 1) {
      for (const code of codes) {
        if (lines.length > rows) break outer;
        lines.push(`${code},${year},${indicator.indicator_id},${indicator.unit === '%' ? (lines.length % 1000) / 10 : lines.length % 5000}`);
      }
    }
  }
  if (lines.length <= rows) throw new Error(`only ${lines.length - 1} distinct rows can be made`);
  return `${lines.join('\n')}\n`;
}

async function longestTaskDuring(page: Page, run: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration); }).observe({ type: 'longtask' });
  });
  await run();
  return page.evaluate(() => (window as unknown as { __longest: number }).__longest);
}

/** The longest task that started before `until` (ms since navigation; null: every task). */
const longestBefore = (tasks: ReadonlyArray<{ at: number; ms: number }>, until: number | null): number =>
  Math.round(Math.max(0, ...tasks.filter((t) => until === null || t.at <= until).map((t) => t.ms)));

/** Where a long run is, on stderr (the result is the one JSON line on stdout). */
const progress = (step: string): void => { console.error(`[bench:user-rows ${new Date().toISOString().slice(11, 19)}] ${step}`); };

/** Imports the CSV in the 我的数据 view and saves it: the read, check and save times, the longest task while saving. */
async function importRows(page: Page, url: string, csv: string) {
  await page.goto(`${url}?view=import`);
  await page.locator('[data-testid="import-file"]').waitFor({ state: 'attached', timeout: 120_000 });
  const started = Date.now();
  progress('reading the file');
  await page.locator('[data-testid="import-file"]').setInputFiles(csv);
  await page.locator('[data-testid="import-next"]').waitFor({ state: 'visible', timeout: TIMEOUT });
  const read = Date.now();
  progress('checking the rows');
  await page.locator('[data-testid="import-next"]').click();
  await page.locator('[data-testid="import-confirm"]').waitFor({ state: 'visible', timeout: TIMEOUT });
  const checked = Date.now();
  const summary = await page.locator('[data-testid="import-message"]').innerText();
  let saveMs = 0;
  const longestSaveTaskMs = await longestTaskDuring(page, async () => {
    const t = Date.now();
    progress('saving');
    await page.locator('[data-testid="import-confirm"]').click({ timeout: TIMEOUT });
    await page.waitForFunction(() => document.querySelector('[data-testid="import-message"]')?.textContent?.includes('已保存'), null, { timeout: TIMEOUT, polling: 200 });
    saveMs = Date.now() - t;
  });
  return { readMs: read - started, checkMs: checked - read, saveMs, summary, longestSaveTaskMs };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: {
    rows: { type: 'string' }, datasets: { type: 'string' }, 'rows-each': { type: 'string' }, dist: { type: 'string' }, trace: { type: 'boolean' }, screenshots: { type: 'string' },
  } });
  const datasets = values.datasets === undefined ? 0 : Number(values.datasets);
  const rowsEach = Number(values['rows-each'] ?? 2);
  const rows = datasets > 0 ? datasets * rowsEach : Number(values.rows ?? 100_000);
  const dist = values.dist ? resolve(values.dist) : buildInto();
  const work = mkdtempSync(join(tmpdir(), 'atlas-user-rows-'));
  const csv = join(work, `synthetic-${rows}-rows.csv`);
  writeFileSync(csv, rows > 0 && datasets === 0 ? syntheticCsv(rows) : '');
  const server = await startStaticServer({ root: dist, mounts: {} });
  const context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: chromiumPath(), headless: true, args: ARGS, viewport: { width: 1440, height: 900 }, locale: 'zh-CN',
  });
  const loadBefore = loadavg();
  try {
    await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
    // Every main-thread task over 50 ms from the start of each page (start-up's longest task).
    await context.addInitScript({ content: `window.__longtasks = []; try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks.push({ at: e.startTime, ms: e.duration }); }).observe({ type: 'longtask' }); } catch {}` });
    const page = context.pages()[0] ?? await context.newPage();
    const none = { readMs: 0, checkMs: 0, saveMs: 0, summary: '', longestSaveTaskMs: 0 };
    let imported = none;
    if (datasets > 0) {
      // The app opens (and so creates) its store at start-up; the datasets are written beside what it wrote.
      progress(`storing ${datasets} synthetic datasets`);
      await page.goto(server.url);
      await page.waitForFunction(() => performance.getEntriesByName('atlas:user-rows-loaded').length > 0, null, { timeout: TIMEOUT, polling: 100 });
      await storeDatasets(page, syntheticDatasets(REPO, datasets, rowsEach));
    } else if (rows > 0) imported = await importRows(page, server.url, csv);
    const reloads = [];
    for (let i = 0; i < 2; i += 1) {
      progress(`reload ${i + 1}`);
      await page.goto(server.url);
      await page.waitForFunction(() => performance.getEntriesByName('atlas:first-chart').length > 0, null, { timeout: TIMEOUT });
      await page.waitForFunction(() => performance.getEntriesByName('atlas:dataset-loaded').length > 0, null, { timeout: TIMEOUT, polling: 100 });
      // The first query a view asks once DuckDB is ready: the landing chart's live data. Since the stored
      // rows load after the views' first answers (branch userstart), that answer comes from the shipped
      // rows alone, marked on the page as lacking the user's; in older builds it already had them.
      const firstAnswerAfter = (mark: string) => page.waitForFunction((name) => {
        const at = performance.getEntriesByName(name)[0]?.startTime;
        if (at === undefined) return false;
        const after = performance.getEntriesByName('atlas:query').filter((e) => e.startTime >= at);
        return after.length > 0 ? Math.min(...after.map((e) => e.startTime + e.duration)) : false;
      }, mark, { timeout: TIMEOUT, polling: 100 }).then((h) => h.jsonValue() as Promise<number>).catch(() => null);
      const answered = await firstAnswerAfter('atlas:dataset-loaded');
      // Then the stored rows queryable (`atlas:user-rows-queryable`; older builds: DuckDB ready, they were
      // in before it), the first query answered after that (the views asked again, with the rows), and
      // the status line gone (every view's query answered again).
      await page.waitForFunction(() => {
        const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime;
        const rowsLoaded = at('atlas:user-rows-loaded');
        return at('atlas:user-rows-queryable') !== undefined || (rowsLoaded !== undefined && rowsLoaded <= at('atlas:dataset-loaded')!);
      }, null, { timeout: TIMEOUT, polling: 100 });
      const queryableMark = await page.evaluate(() => (performance.getEntriesByName('atlas:user-rows-queryable').length > 0 ? 'atlas:user-rows-queryable' : 'atlas:dataset-loaded'));
      const answeredWithRows = await firstAnswerAfter(queryableMark);
      await page.locator('[data-testid="stored-rows-status"]').waitFor({ state: 'detached', timeout: TIMEOUT });
      const statusGone = await page.evaluate(() => performance.now());
      const landing = await page.evaluate(() => ({
        firstChart: performance.getEntriesByName('atlas:first-chart')[0]!.startTime,
        loaded: performance.getEntriesByName('atlas:dataset-loaded')[0]!.startTime,
        // Every main-thread task over 50 ms, by when it started (start-up's longest, up to each answer).
        tasks: (window as unknown as { __longtasks: Array<{ at: number; ms: number }> }).__longtasks,
        queryable: performance.getEntriesByName('atlas:user-rows-queryable')[0]?.startTime ?? null,
        // Marked by this branch's loader around the stored datasets (absent in older builds).
        userRows: ['atlas:user-rows-start', 'atlas:user-rows-loaded'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? null),
        // This branch's loader measures each dataset's read (store + sha256) and insert (DuckDB).
        userRowsSteps: ['atlas:user-rows-read', 'atlas:user-rows-insert'].map((name) => performance.getEntriesByName(name).reduce((sum, e) => sum + e.duration, 0)),
        duckdbReady: performance.getEntriesByName('atlas:duckdb-ready')[0]?.startTime ?? null,
        // The start-up queries that returned the most rows (turning a large result into objects is a main-thread task).
        largestResults: performance.getEntriesByName('atlas:query')
          .map((e) => ({ ...((e as PerformanceMeasure).detail as { sql: string; rows: number }), ms: Math.round(e.duration) }))
          .sort((a, b) => b.rows - a.rows).slice(0, 3),
        // The start-up's own steps (wasm-db.ts, browser-database.ts `atlas:startup-step`), in order, and when DuckDB's start was asked for.
        dbStart: performance.getEntriesByName('atlas:db-start')[0]?.startTime ?? null,
        startupSteps: performance.getEntriesByName('atlas:startup-step')
          .map((e) => ({ step: String((e as PerformanceMeasure).detail), at: Math.round(e.startTime), ms: Math.round(e.duration) })),
        // The loader's steps (src/db/user-rows.ts `step`) and the start-up's coverage recompute, summed by step.
        steps: [...performance.getEntriesByName('atlas:user-rows-step'), ...performance.getEntriesByName('atlas:coverage-recompute')]
          .reduce<Record<string, number>>((sum, e) => {
            const name = e.name === 'atlas:coverage-recompute' ? 'coverage-recompute' : String((e as PerformanceMeasure).detail);
            sum[name] = Math.round((sum[name] ?? 0) + e.duration);
            return sum;
          }, {}),
      }));
      const t = Date.now();
      let queryableMs = 0;
      if (rows > 0) { // the My-data list (nothing to list without stored rows)
        await page.goto(`${server.url}?view=import`);
        await page.locator('[data-testid="user-dataset"]').first().waitFor({ state: 'visible', timeout: TIMEOUT });
        queryableMs = await page.evaluate(() => performance.now());
      }
      reloads.push({
        firstChartMs: Math.round(landing.firstChart), duckdbReadyMs: landing.duckdbReady === null ? null : Math.round(landing.duckdbReady),
        storedRowsLoadingMs: ((start, end) => (start == null || end == null ? null : Math.round(end - start)))(landing.userRows[0], landing.userRows[1]),
        storedRowsReadMs: Math.round(landing.userRowsSteps[0]!), storedRowsInsertMs: Math.round(landing.userRowsSteps[1]!),
        dbStartMs: landing.dbStart === null ? null : Math.round(landing.dbStart), startupSteps: landing.startupSteps,
        storedRowsSteps: landing.steps, largestResults: landing.largestResults, storedRowsInDuckDbMs: Math.round(landing.loaded),
        firstQueryAnsweredMs: answered === null ? null : Math.round(answered),
        storedRowsQueryableMs: Math.round(landing.queryable ?? landing.loaded),
        firstQueryWithRowsAnsweredMs: answeredWithRows === null ? null : Math.round(answeredWithRows),
        statusGoneMs: Math.round(statusGone),
        longestTaskToFirstAnswerMs: longestBefore(landing.tasks, answered), longestTaskToAnswerWithRowsMs: longestBefore(landing.tasks, answeredWithRows),
        longTasksOver200Ms: landing.tasks.filter((t) => t.ms > 200 && t.at <= (answeredWithRows ?? Infinity)).map((t) => ({ at: Math.round(t.at), ms: Math.round(t.ms) })),
        listShownMs: Math.round(queryableMs), waitedMs: Date.now() - t,
      });
    }
    if (values.screenshots) {
      // The page while the stored rows load, as a reader sees it: both languages, wide and narrow.
      mkdirSync(values.screenshots, { recursive: true });
      for (const [lang, width] of [['zh', 1440], ['en', 1440], ['zh', 375], ['en', 375]] as const) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${server.url}${lang === 'en' ? '?lang=en' : ''}`);
        await page.waitForFunction(() => performance.getEntriesByName('atlas:dataset-loaded').length > 0, null, { timeout: TIMEOUT, polling: 100 });
        await page.waitForTimeout(1_500); // the landing chart's live data answered from the shipped rows
        const loading = await page.locator('[data-testid="stored-rows-status"]').isVisible();
        await page.screenshot({ path: join(values.screenshots, `stored-rows-${loading ? 'loading' : 'loaded'}-${lang}-${width}.png`) });
      }
      await page.setViewportSize({ width: 1440, height: 900 });
    }
    let traced: TaskBreakdown[] | null = null;
    if (values.trace) {
      const cdp = await startTrace(page);
      await page.goto(server.url);
      await page.waitForFunction(() => performance.getEntriesByName('atlas:dataset-loaded').length > 0, null, { timeout: TIMEOUT, polling: 100 });
      // Until the stored rows are in (this branch loads them after DuckDB is ready) and the views asked again.
      await page.locator('[data-testid="stored-rows-status"]').waitFor({ state: 'detached', timeout: TIMEOUT });
      await page.waitForTimeout(3_000); // the first views' queries and renders after the rows are in
      traced = longestTasks(await stopTrace(cdp), 5);
    }
    console.log(JSON.stringify({
      bench: 'user-rows', synthetic: true, rows, ...(datasets > 0 ? { datasets, rowsEach } : {}), fileMb: Number((readFileSync(csv).length / 2 ** 20).toFixed(1)), ...imported,
      longestSaveTaskMs: Math.round(imported.longestSaveTaskMs), reloads, ...(traced ? { tracedStartupTasks: traced } : {}),
      cores: cpus().length, loadAverage: { before: loadBefore.map((x) => Number(x.toFixed(2))), after: loadavg().map((x) => Number(x.toFixed(2))) },
    }));
  } finally {
    await context.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
    if (!values.dist) rmSync(dist, { recursive: true, force: true });
  }
}

await main();
