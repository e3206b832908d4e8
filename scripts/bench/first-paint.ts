/**
 * First paint of each view, cold (issue 12): for each run a fresh browser context opens the landing
 * page and each view's default URL, and the page records, in its own clock (performance.now(), from
 * navigation start), the first frame in which the view's content is on screen:
 * - Trends: the first chart (the prerendered SVG or the live canvas, whichever comes first), and the
 *   live chart (`atlas:first-chart`, EChart.tsx), and first contentful paint;
 * - Compare, Profile, Coverage: their chart hook holding a canvas, svg or table; Data: a table row.
 * Each figure is the median of the runs. With `--baseline <dist>`, an older build is measured in the
 * same session, alternating runs, so the machine's load weighs on both alike.
 *
 * Usage: npm run bench:first-paint -- [--dist <dir>] [--baseline <dir>] [--runs 5] [--json <file>]
 * (no --dist: builds into a temp dir). Needs /usr/bin/chromium (or E2E_CHROMIUM).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { startStaticServer } from '../e2e/static-server.ts';
import { buildInto } from './bundle-size.ts';

const PAGES = [
  { name: 'trends', search: '', content: '[data-testid="view-trends"] [data-testid="chart"] svg, [data-testid="view-trends"] [data-testid="chart"] canvas' },
  { name: 'compare', search: '?view=compare', content: '[data-testid="view-compare"] [data-testid="chart"] canvas, [data-testid="view-compare"] [data-testid="chart"] svg' },
  { name: 'profile', search: '?view=profile', content: '[data-testid="view-profile"] [data-testid="chart"] canvas, [data-testid="view-profile"] [data-testid="chart"] svg, [data-testid="view-profile"] [data-testid="chart"] table' },
  { name: 'coverage', search: '?view=coverage', content: '[data-testid="view-coverage"] [data-testid="chart"] table, [data-testid="view-coverage"] [data-testid="chart"] canvas' },
  { name: 'data', search: '?view=data', content: '[data-testid="view-data"] [data-testid="data-table"] tbody tr' },
] as const;

interface Sample { content: number; liveChart: number | null; fcp: number | null }
declare global { interface Window { __firstContent?: number } }

/**
 * The first frame in which an element matching the selector has a size (checked on every frame from
 * the start). A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
 */
const watchFirstContent = (selector: string): string => `(() => {
  const selector = ${JSON.stringify(selector)};
  const check = () => {
    const shown = [...document.querySelectorAll(selector)].some((element) => { const box = element.getBoundingClientRect(); return box.width > 0 && box.height > 0; });
    if (shown) { window.__firstContent = performance.now(); return; }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/** A fresh browser context per measure: empty cache and storage, so every run is cold. */
async function measure(browser: Browser, base: string, page: (typeof PAGES)[number]): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  try {
    const tab = await context.newPage();
    await tab.addInitScript({ content: watchFirstContent(page.content) });
    await tab.goto(`${base}${page.search}`);
    await tab.waitForFunction(() => window.__firstContent !== undefined, null, { timeout: 120_000, polling: 50 })
      .catch((error: unknown) => { throw new Error(`${base}${page.search}: no ${page.content} within 120 s (${String(error)})`); });
    if (page.name === 'trends') await tab.waitForFunction(() => performance.getEntriesByName('atlas:first-chart').length > 0, null, { timeout: 120_000, polling: 50 });
    return await tab.evaluate(() => ({
      content: window.__firstContent!,
      liveChart: performance.getEntriesByName('atlas:first-chart')[0]?.startTime ?? null,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    }));
  } finally {
    await context.close();
  }
}

const median = (values: number[]): number => { const s = [...values].sort((a, b) => a - b); const m = Math.floor(s.length / 2); return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dist: { type: 'string' }, baseline: { type: 'string' }, runs: { type: 'string' }, json: { type: 'string' } } });
  const runs = Number(values.runs ?? 5);
  const executablePath = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
  const builds = [{ label: 'this build', dist: values.dist ? resolve(values.dist) : buildInto() }, ...(values.baseline ? [{ label: 'baseline', dist: resolve(values.baseline) }] : [])];
  const loadBefore = loadavg();
  const servers = await Promise.all(builds.map((b) => startStaticServer({ root: b.dist })));
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'] });
  const samples = new Map<string, Sample[]>();
  try {
    for (let run = 0; run < runs; run += 1) {
      for (const page of PAGES) {
        for (const [i, build] of builds.entries()) {
          const sample = await measure(browser, servers[i]!.url, page);
          const key = `${build.label}|${page.name}`;
          samples.set(key, [...(samples.get(key) ?? []), sample]);
        }
      }
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
  const loadAfter = loadavg();
  const rows = builds.flatMap((build) => PAGES.map((page) => {
    const s = samples.get(`${build.label}|${page.name}`)!;
    const live = s.map((x) => x.liveChart).filter((x): x is number => x !== null);
    const fcp = s.map((x) => x.fcp).filter((x): x is number => x !== null);
    return { build: build.label, page: page.name, firstContentMs: Math.round(median(s.map((x) => x.content))), runsMs: s.map((x) => Math.round(x.content)),
      liveChartMs: live.length ? Math.round(median(live)) : null, fcpMs: fcp.length ? Math.round(median(fcp)) : null };
  }));
  console.log(`first paint, ${runs} cold runs each (median; ms from navigation start), ${cpus().length} CPUs, load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} → ${loadAfter.map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`${'build'.padEnd(12)} ${'view'.padEnd(10)} ${'content'.padStart(8)} ${'FCP'.padStart(6)} ${'live chart'.padStart(10)}  runs`);
  for (const r of rows) console.log(`${r.build.padEnd(12)} ${r.page.padEnd(10)} ${String(r.firstContentMs).padStart(8)} ${String(r.fcpMs ?? '—').padStart(6)} ${String(r.liveChartMs ?? '—').padStart(10)}  ${r.runsMs.join(' ')}`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ date: new Date().toISOString(), runs, nproc: cpus().length, loadAverage: { before: loadBefore, after: loadAfter }, rows }, null, 2)}\n`);
  if (!values.dist) rmSync(builds[0]!.dist, { recursive: true, force: true });
}

await main();
