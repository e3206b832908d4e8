/**
 * One cold run of `npm run bench`: a fresh Chromium profile opens the landing page of a served build,
 * reads the app's start-up marks, plays the interaction script and records, for the start-up and for
 * each step, what the browser fetched and which main-thread tasks were long.
 *
 * - Bytes: every request the page and its workers made (playwright's request events, so DuckDB's worker
 *   counts too), sized with `request.sizes()` (response body as transferred + headers). A request
 *   belongs to the step during which it started; one that started between steps (an idle prefetch)
 *   is counted as `idleBytes` of the run.
 * - Long tasks: the Long Tasks API (`PerformanceObserver` 'longtask', main thread only), observed from
 *   before the first script runs; a task belongs to the step during which it started.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page, type Request } from 'playwright-core';
import { resetBetween, runInteraction, type Interaction } from './interactions.ts';
import type { RunResult, TaskStats } from './report.ts';
import { profileStep, startStepProfiler, type StepCpu } from './step-profile.ts';

/** The flags every Chromium run uses (the e2e harness's, STACK-NOTES.md). */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const STARTUP_TIMEOUT_MS = 120_000;
export const STEP_TIMEOUT_MS = Number(process.env.BENCH_STEP_TIMEOUT_MS ?? 15_000);
const MARKS = ['atlas:first-chart', 'atlas:duckdb-ready', 'atlas:dataset-loaded'] as const;

/** Runs in the page before any of its scripts: long tasks kept from the start, resource buffer large enough. */
const OBSERVE_LONG_TASKS = `
globalThis.__name = globalThis.__name || ((f) => f);
globalThis.__atlasLongTasks = [];
try {
  new PerformanceObserver((list) => { for (const e of list.getEntries()) globalThis.__atlasLongTasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
} catch { globalThis.__atlasLongTasks = null; }
`;

interface NetworkEntry { startedAt: number; bytes: number | null; path: string }

/** Long tasks that started in [from, to) (page time), summarised. */
export function taskStats(tasks: readonly (readonly [number, number])[], from: number, to: number): TaskStats {
  const inside = tasks.filter(([start]) => start >= from && start < to).map(([, duration]) => duration);
  return { count: inside.length, maxMs: inside.length ? Math.max(...inside) : 0, totalMs: inside.reduce((a, b) => a + b, 0) };
}

/** Bytes of the requests that started in [from, to) (Node time); null sizes (failed, aborted) count 0. */
export function bytesBetween(entries: readonly NetworkEntry[], from: number, to: number): { bytes: number; requests: number; paths: string[] } {
  const inside = entries.filter((e) => e.startedAt >= from && e.startedAt < to);
  // What was fetched, so a step's bytes can be explained (the dataset's files by path).
  const paths = inside.filter((e) => (e.bytes ?? 0) > 0).map((e) => `${e.path} ${e.bytes}`);
  return { bytes: inside.reduce((n, e) => n + (e.bytes ?? 0), 0), requests: inside.length, paths };
}

export async function oneRun(run: number, baseUrl: string, executablePath: string, steps: readonly Interaction[]): Promise<{ result: RunResult; version: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'atlas-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath, headless: true, args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
  });
  const errors: string[] = [];
  const network: NetworkEntry[] = [];
  const pendingSizes: Promise<void>[] = [];
  const entryOf = new Map<Request, NetworkEntry>();
  try {
    const origin = new URL(baseUrl).origin;
    await context.route('**/*', (route) => (new URL(route.request().url()).origin === origin || !route.request().url().startsWith('http')
      ? route.continue() : route.abort('blockedbyclient')));
    await context.addInitScript({ content: OBSERVE_LONG_TASKS });
    // Which wasm the worker fetched and how it came (Content-Encoding), for the report.
    const wasm: string[] = [];
    context.on('response', (response) => {
      const url = response.url();
      if (url.endsWith('.wasm')) wasm.push(`${url.split('/').pop()} ${response.status()} ${response.headers()['content-encoding'] ?? 'identity'}`);
    });
    context.on('request', (request) => {
      const entry: NetworkEntry = { startedAt: Date.now(), bytes: null, path: new URL(request.url()).pathname };
      entryOf.set(request, entry);
      network.push(entry);
    });
    context.on('requestfinished', (request) => {
      const entry = entryOf.get(request);
      if (!entry) return;
      pendingSizes.push(request.sizes().then((s) => { entry.bytes = s.responseBodySize + s.responseHeadersSize; }, () => undefined));
    });
    const page = context.pages()[0] ?? await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    const navigationAt = Date.now();
    await page.goto(baseUrl);
    await page.waitForFunction(() => performance.getEntriesByName('atlas:dataset-loaded').length > 0
      && performance.getEntriesByName('atlas:first-chart').length > 0, null, { timeout: STARTUP_TIMEOUT_MS });
    const marks = await markTimes(page);
    await page.waitForTimeout(1500); // the landing chart's entry animation, so the first step starts from a still page
    const startupEndedAt = Date.now();
    const startupEndedPage = await page.evaluate(() => performance.now());
    const windows: { from: number; to: number; pageFrom: number; pageTo: number }[] = [];
    const interactions = [];
    const cpus: (StepCpu | undefined)[] = [];
    // BENCH_PROFILE=1: where each step's main-thread time went (step-profile.ts); off by default (sampling costs).
    const profiler = process.env.BENCH_PROFILE === '1' ? await startStepProfiler(page) : null;
    for (const step of steps) {
      await resetBetween(page, step);
      const from = Date.now();
      const timed = () => runInteraction(page, step, STEP_TIMEOUT_MS);
      const { value: outcome, cpu } = profiler ? await profileStep(profiler, timed) : { value: await timed(), cpu: undefined };
      cpus.push(cpu);
      // A step that timed out may still be loading: its requests are its own, not the next step's
      // (before this, a missed Profile step's partitions were counted in the Trends step after it).
      if (outcome.ms === null) await settle(network);
      windows.push({ from, to: Date.now(), pageFrom: outcome.t0, pageTo: outcome.tEnd });
      interactions.push(outcome);
    }
    await page.waitForTimeout(300); // long-task entries are delivered after the task
    const longTasks = await page.evaluate(() => (globalThis as unknown as { __atlasLongTasks: [number, number][] | null }).__atlasLongTasks);
    await Promise.all(pendingSizes);
    if (longTasks === null) throw new Error('this Chromium does not report long tasks (PerformanceObserver "longtask")');
    const startupNet = bytesBetween(network, navigationAt, startupEndedAt);
    const stepBytes = windows.map((w) => bytesBetween(network, w.from, w.to));
    const inSteps = stepBytes.reduce((n, s) => n + s.bytes, 0);
    const allAfterStartup = bytesBetween(network, startupEndedAt, Date.now() + 1).bytes;
    if (errors.length > 0) console.error(`run ${run}: page errors: ${errors.join(' | ')}`);
    const version = context.browser()?.version() ?? execFileSync(executablePath, ['--version'], { encoding: 'utf8' }).trim();
    return {
      result: {
        run, firstChartMs: marks['atlas:first-chart'] ?? null, duckdbReadyMs: marks['atlas:duckdb-ready'] ?? null,
        datasetLoadedMs: marks['atlas:dataset-loaded'] ?? null, wasm,
        startup: { fetchedBytes: startupNet.bytes, requests: startupNet.requests, longTasks: taskStats(longTasks, 0, startupEndedPage) },
        idleBytes: allAfterStartup - inSteps,
        idlePaths: betweenSteps(network, windows, startupEndedAt),
        interactions: interactions.map(({ t0: _t0, tEnd: _tEnd, ...rest }, i) => ({
          ...rest, fetchedBytes: stepBytes[i]!.bytes, requests: stepBytes[i]!.requests, fetchedPaths: stepBytes[i]!.paths,
          longTasks: taskStats(longTasks, windows[i]!.pageFrom, windows[i]!.pageTo),
          ...(cpus[i] ? { cpu: cpus[i] } : {}),
        })),
      },
      version,
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Waits until no request has started for SETTLE_QUIET_MS (at most SETTLE_MAX_MS). */
const SETTLE_QUIET_MS = 2000;
const SETTLE_MAX_MS = 60_000;
async function settle(network: readonly NetworkEntry[]): Promise<void> {
  const until = Date.now() + SETTLE_MAX_MS;
  while (Date.now() < until) {
    const last = network.at(-1)?.startedAt ?? 0;
    if (Date.now() - last >= SETTLE_QUIET_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The requests that started after start-up but outside every step (idle prefetches), as `path bytes`. */
function betweenSteps(entries: readonly NetworkEntry[], windows: readonly { from: number; to: number }[], after: number): string[] {
  return entries.filter((e) => e.startedAt >= after && (e.bytes ?? 0) > 0 && !windows.some((w) => e.startedAt >= w.from && e.startedAt < w.to))
    .map((e) => `${e.path} ${e.bytes}`);
}

async function markTimes(page: Page): Promise<Record<string, number | null>> {
  return page.evaluate((names) => Object.fromEntries(names.map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? null])), [...MARKS]);
}
