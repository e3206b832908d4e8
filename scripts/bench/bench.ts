/**
 * `npm run bench`: the production build in Debian Chromium, cold, several times.
 *
 * Builds the app into a temp dir once (or takes `--dist`), serves it with the e2e static server on
 * 127.0.0.1 (HTTP ranges, precompressed wasm) with `/data/` mapped to `--data <dir>` (default: the
 * build's own data, i.e. the shipped dataset), and for each of `--runs N` runs (default 5) launches
 * Chromium with a fresh profile, opens the landing page and records, from navigation start:
 * `atlas:first-chart`, `atlas:duckdb-ready`, `atlas:dataset-loaded` (performance marks set by the app),
 * then plays the interaction script (interactions.ts) and times each step in the page.
 * Each run also records what the browser fetched and the main-thread long tasks, at start-up and per
 * step (browser-run.ts). With `--baseline <dist>`, that build is served too and the runs alternate
 * (baseline, then this build, N times) so both meet the same load; a before/after table follows.
 * Prints a table, writes JSON (`--json <file>`, default `.tmp/bench/<timestamp>.json`).
 *
 * `BENCH_TRACE=1` prints each step's queries (the app's `atlas:query` measures) and setOption time;
 * with `BENCH_PROFILE=1` also where its main-thread time went (step-profile.ts; build with `--minify false`).
 *
 * Usage: npm run bench -- [--data <dir>] [--runs N] [--json <file>] [--dist <dir>] [--baseline <dist>]
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromiumPath } from '../e2e/prerequisites.ts';
import { startStaticServer, type StaticServer } from '../e2e/static-server.ts';
import { formatBeforeAfter } from './before-after.ts';
import { oneRun, STEP_TIMEOUT_MS } from './browser-run.ts';
import { buildInto } from './bundle-size.ts';
import { readSample } from './dataset-sample.ts';
import { planInteractions } from './interactions.ts';
import { formatTable, summarise, type BenchReport, type Machine, type RunResult } from './report.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const USAGE = 'usage: npm run bench -- [--data <dir>] [--runs N] [--json <file>] [--dist <dir>] [--baseline <dist>]';

function cpuModel(): string {
  const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
  return line?.split(':')[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
}

interface Build { name: string; dist: string; server: StaticServer; results: RunResult[] }

async function main(): Promise<number> {
  let values: { data?: string; runs?: string; json?: string; dist?: string; baseline?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: {
      data: { type: 'string' }, runs: { type: 'string' }, json: { type: 'string' }, dist: { type: 'string' },
      baseline: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    } }));
  } catch (error) {
    console.error(`bench: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) { console.log(USAGE); return 0; }
  const runs = Number(values.runs ?? 5);
  if (!Number.isInteger(runs) || runs < 1) { console.error(`bench: --runs must be a positive integer\n${USAGE}`); return 2; }
  const dataDir = values.data ? resolve(values.data) : null;
  if (dataDir && !existsSync(dataDir)) { console.error(`bench: --data ${dataDir} does not exist`); return 2; }
  const baselineDist = values.baseline ? resolve(values.baseline) : null;
  if (baselineDist && !existsSync(join(baselineDist, 'index.html'))) { console.error(`bench: --baseline ${baselineDist} has no index.html (a vite build's output)`); return 2; }

  const dist = values.dist ? resolve(values.dist) : buildInto();
  const served = dataDir ?? join(dist, 'data');
  // One script for both builds, planned from the data this build serves.
  const steps = planInteractions(await readSample(served));
  const mounts: Record<string, string> = dataDir ? { '/data/': dataDir } : {};
  const builds: Build[] = [];
  const executablePath = chromiumPath();
  const loadBefore = loadavg();
  let chromiumVersion = '';
  try {
    if (baselineDist) builds.push({ name: 'baseline', dist: baselineDist, server: await startStaticServer({ root: baselineDist, mounts }), results: [] });
    builds.push({ name: 'this build', dist: values.dist ? dist : '(temporary build of the working tree)', server: await startStaticServer({ root: dist, mounts }), results: [] });
    console.log(`bench: ${builds.map((b) => `${b.name} ${b.dist} at ${b.server.url}`).join('; ')} (data: ${served}); ${steps.length} interactions × ${runs} runs`);
    for (let run = 1; run <= runs; run += 1) {
      for (const build of builds) {
        const { result, version } = await oneRun(run, build.server.url, executablePath, steps);
        chromiumVersion = version;
        build.results.push(result);
        const missed = result.interactions.filter((i) => i.ms === null).map((i) => `${i.label} (${i.missed})`);
        if (process.env.BENCH_TRACE) {
          for (const step of result.interactions) {
            console.log(`  ${step.label}: ${step.ms?.toFixed(0) ?? '—'} ms; set-option ${step.profile.setOptionMs.toFixed(0)} ms; queries:\n    ${step.profile.trace.join('\n    ')}`);
            const list = (parts: { what: string; ms: number }[]) => parts.map((p) => `${p.what} ${p.ms}`).join(' · ');
            if (step.cpu) console.log(`    cpu by file: ${list(step.cpu.byFile)}\n    cpu self: ${list(step.cpu.self)}\n    cpu inclusive: ${list(step.cpu.inclusive)}`);
          }
        }
        console.log(`run ${run} (${build.name}): first chart ${result.firstChartMs?.toFixed(0)} ms, DuckDB ready ${result.duckdbReadyMs?.toFixed(0)} ms, dataset loaded ${result.datasetLoadedMs?.toFixed(0)} ms${missed.length ? `; no result within ${STEP_TIMEOUT_MS} ms: ${missed.join(', ')}` : ''}`);
      }
    }
  } finally {
    for (const build of builds) await build.server.close();
    if (!values.dist) rmSync(dist, { recursive: true, force: true });
  }
  const machine: Machine = {
    cpu: cpuModel(), nproc: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAverage: { before: loadBefore, after: loadavg() }, node: process.version, chromium: chromiumVersion, platform: `${process.platform} ${process.platform === 'linux' ? process.arch : ''}`.trim(),
  };
  const date = new Date().toISOString();
  const reports = builds.map((build): BenchReport => ({
    bench: 'app', date, dataset: served, dist: build.dist, runs, machine, ...summarise(build.results), perRun: build.results,
  }));
  for (const [i, report] of reports.entries()) console.log(`\n## ${builds[i]!.name}\n\n${formatTable(report)}`);
  const [before, after] = reports.length === 2 ? reports : [null, reports[0]!];
  if (before) console.log(`\n## before → after\n\n${formatBeforeAfter(before, after!)}`);
  console.log(`\nload average after: ${machine.loadAverage.after.map((l) => l.toFixed(2)).join(' ')}`);
  const out = values.json ? resolve(values.json) : join(REPO, '.tmp', 'bench', `${date.replace(/[:.]/g, '-')}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(before ? { baseline: before, current: after } : after, null, 2)}\n`);
  console.log(`bench: wrote ${out}`);
  return 0;
}

process.exitCode = await main();
