/**
 * `npm run bench`: the production build in Debian Chromium, cold, several times.
 *
 * Builds the app into a temp dir once (or takes `--dist`), serves it with the e2e static server on
 * 127.0.0.1 (HTTP ranges, precompressed wasm) with `/data/` mapped to `--data <dir>` (default: the
 * build's own data, i.e. the shipped dataset), and for each of `--runs N` runs (default 5) launches
 * Chromium with a fresh profile, opens the landing page and records, from navigation start:
 * `atlas:first-chart`, `atlas:duckdb-ready`, `atlas:dataset-loaded` (performance marks set by the app),
 * then plays the interaction script (interactions.ts) and times each step in the page.
 * Prints a table, writes JSON (`--json <file>`, default `.tmp/bench/<timestamp>.json`).
 *
 * Usage: npm run bench -- [--data <dir>] [--runs N] [--json <file>] [--dist <dir>]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { chromiumPath } from '../e2e/prerequisites.ts';
import { startStaticServer } from '../e2e/static-server.ts';
import { buildInto } from './bundle-size.ts';
import { readSample } from './dataset-sample.ts';
import { planInteractions, resetBetween, runInteraction, type Interaction } from './interactions.ts';
import { formatTable, summarise, type BenchReport, type Machine, type RunResult } from './report.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const USAGE = 'usage: npm run bench -- [--data <dir>] [--runs N] [--json <file>] [--dist <dir>]';
/** The flags every Chromium run uses (the e2e harness's, STACK-NOTES.md). */
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const STARTUP_TIMEOUT_MS = 120_000;
const STEP_TIMEOUT_MS = Number(process.env.BENCH_STEP_TIMEOUT_MS ?? 15_000);
const MARKS = ['atlas:first-chart', 'atlas:duckdb-ready', 'atlas:dataset-loaded'] as const;

function cpuModel(): string {
  const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
  return line?.split(':')[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
}

async function markTimes(page: Page): Promise<Record<string, number | null>> {
  return page.evaluate((names) => Object.fromEntries(names.map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? null])), [...MARKS]);
}

async function oneRun(run: number, baseUrl: string, executablePath: string, steps: readonly Interaction[]): Promise<{ result: RunResult; version: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'atlas-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath, headless: true, args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
  });
  const errors: string[] = [];
  try {
    const origin = new URL(baseUrl).origin;
    await context.route('**/*', (route) => (new URL(route.request().url()).origin === origin || !route.request().url().startsWith('http')
      ? route.continue() : route.abort('blockedbyclient')));
    // tsx (esbuild, keepNames) wraps named functions in the code passed to page.evaluate with `__name`.
    await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
    // Which wasm the worker fetched and how it came (Content-Encoding), for the report.
    const wasm: string[] = [];
    context.on('response', (response) => {
      const url = response.url();
      if (url.endsWith('.wasm')) wasm.push(`${url.split('/').pop()} ${response.status()} ${response.headers()['content-encoding'] ?? 'identity'}`);
    });
    const page = context.pages()[0] ?? await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(baseUrl);
    await page.waitForFunction(() => performance.getEntriesByName('atlas:dataset-loaded').length > 0
      && performance.getEntriesByName('atlas:first-chart').length > 0, null, { timeout: STARTUP_TIMEOUT_MS });
    const marks = await markTimes(page);
    await page.waitForTimeout(1500); // the landing chart's entry animation, so the first step starts from a still page
    const interactions = [];
    for (const step of steps) {
      await resetBetween(page, step);
      interactions.push(await runInteraction(page, step, STEP_TIMEOUT_MS));
    }
    if (errors.length > 0) console.error(`run ${run}: page errors: ${errors.join(' | ')}`);
    const version = context.browser()?.version() ?? execFileSync(executablePath, ['--version'], { encoding: 'utf8' }).trim();
    return {
      result: {
        run, firstChartMs: marks['atlas:first-chart'] ?? null, duckdbReadyMs: marks['atlas:duckdb-ready'] ?? null,
        datasetLoadedMs: marks['atlas:dataset-loaded'] ?? null, wasm, interactions,
      },
      version,
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  let values: { data?: string; runs?: string; json?: string; dist?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { data: { type: 'string' }, runs: { type: 'string' }, json: { type: 'string' }, dist: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    console.error(`bench: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) { console.log(USAGE); return 0; }
  const runs = Number(values.runs ?? 5);
  if (!Number.isInteger(runs) || runs < 1) { console.error(`bench: --runs must be a positive integer\n${USAGE}`); return 2; }
  const dataDir = values.data ? resolve(values.data) : null;
  if (dataDir && !existsSync(dataDir)) { console.error(`bench: --data ${dataDir} does not exist`); return 2; }

  const dist = values.dist ? resolve(values.dist) : buildInto();
  const served = dataDir ?? join(dist, 'data');
  const steps = planInteractions(await readSample(served));
  const server = await startStaticServer({ root: dist, mounts: dataDir ? { '/data/': dataDir } : {} });
  const executablePath = chromiumPath();
  const loadBefore = loadavg();
  const results: RunResult[] = [];
  let chromiumVersion = '';
  try {
    console.log(`bench: serving ${dist} (data: ${served}) at ${server.url}; ${steps.length} interactions × ${runs} runs`);
    for (let run = 1; run <= runs; run += 1) {
      const { result, version } = await oneRun(run, server.url, executablePath, steps);
      chromiumVersion = version;
      results.push(result);
      const missed = result.interactions.filter((i) => i.ms === null).map((i) => `${i.label} (${i.missed})`);
      console.log(`run ${run}: first chart ${result.firstChartMs?.toFixed(0)} ms, DuckDB ready ${result.duckdbReadyMs?.toFixed(0)} ms, dataset loaded ${result.datasetLoadedMs?.toFixed(0)} ms${missed.length ? `; no result within ${STEP_TIMEOUT_MS} ms: ${missed.join(', ')}` : ''}`);
    }
  } finally {
    await server.close();
    if (!values.dist) rmSync(dist, { recursive: true, force: true });
  }
  const machine: Machine = {
    cpu: cpuModel(), nproc: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAverage: { before: loadBefore, after: loadavg() }, node: process.version, chromium: chromiumVersion, platform: `${process.platform} ${process.arch}`,
  };
  const report: BenchReport = {
    bench: 'app', date: new Date().toISOString(), dataset: served, dist: values.dist ? dist : '(temporary build)', runs, machine,
    ...summarise(results), perRun: results,
  };
  console.log(formatTable(report));
  const out = values.json ? resolve(values.json) : join(REPO, '.tmp', 'bench', `${report.date.replace(/[:.]/g, '-')}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`bench: wrote ${out}`);
  return 0;
}

process.exitCode = await main();
