/**
 * Extraction throughput: `npm run bench:extract [-- --workers 2] [--mb 50] [--runs 3] [--reports data/reports]`.
 *
 * Repeats the corpus's reports until their bodies hold at least `--mb` MB of UTF-8 text, runs
 * extractReport over every one, and prints MB/s (10^6 bytes of UTF-8 body text per second),
 * chars/s (UTF-16 code units, as JavaScript counts them), reports/s: the median of `--runs` timed
 * runs after one untimed warm-up. One core by default; `--workers N` splits the reports over N
 * worker threads and times all of them together (wall clock from start to the last one done).
 * Ends with the time projected for 100,000 reports of the corpus's mean size, a table and a JSON line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { extractReport } from '../src/core/extract/extract-report.ts';
import { splitSentences } from '../src/core/extract/segments.ts';
import { parseReport } from '../src/core/report/parse-report.ts';
import { normalise } from '../src/core/text/normalise.ts';
import type { Report } from '../src/core/types.ts';

interface Options { reports: string; mb: number; runs: number; workers: number; breakdown: boolean }
interface Workload { reports: Report[]; bytes: number; chars: number }
interface RunResult { seconds: number; observations: number }
type WorkerMessage = { kind: 'ready'; bytes: number; chars: number; reports: number } | { kind: 'done'; seconds: number; observations: number };

const utf8 = new TextEncoder();

function parseOptions(argv: string[]): Options {
  const options: Options = { reports: 'data/reports', mb: 50, runs: 3, workers: 0, breakdown: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[i + 1];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      i += 1;
      return next;
    };
    if (arg === '--reports') options.reports = value();
    else if (arg === '--mb') options.mb = Number(value());
    else if (arg === '--runs') options.runs = Number(value());
    else if (arg === '--workers') options.workers = Number(value());
    else if (arg === '--breakdown') options.breakdown = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm run bench:extract -- [--workers N] [--mb 50] [--runs 3] [--reports data/reports] [--breakdown]');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  if (!(options.mb > 0) || !Number.isInteger(options.runs) || options.runs < 1 || !Number.isInteger(options.workers) || options.workers < 0) {
    throw new Error('--mb must be positive, --runs a positive integer, --workers a non-negative integer');
  }
  return options;
}

/** The corpus as the core reads it (a file it cannot read stops the benchmark: it measures the corpus as shipped). */
function readCorpus(dir: string): Report[] {
  const files = readdirSync(dir).filter((name) => name.endsWith('.txt')).sort();
  if (files.length === 0) throw new Error(`no *.txt reports in ${dir}`);
  return files.map((name) => parseReport(readFileSync(join(dir, name), 'utf8'), name));
}

/** The corpus repeated, report by report, until the bodies hold `targetBytes` of UTF-8. */
function buildWorkload(corpus: readonly Report[], targetBytes: number): Workload {
  const sizes = corpus.map((report) => utf8.encode(report.body).length);
  const reports: Report[] = [];
  let bytes = 0;
  let chars = 0;
  for (let i = 0; bytes < targetBytes; i = (i + 1) % corpus.length) {
    reports.push(corpus[i]!);
    bytes += sizes[i]!;
    chars += corpus[i]!.body.length;
  }
  return { reports, bytes, chars };
}

function runOnce(workload: Workload): RunResult {
  let observations = 0;
  const start = performance.now();
  for (const report of workload.reports) observations += extractReport(report).observations.length;
  return { seconds: (performance.now() - start) / 1000, observations };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

// ---- worker side: builds its share, warms up, then runs on each request ----
if (!isMainThread) {
  const { reports: dir, targetBytes } = workerData as { reports: string; targetBytes: number };
  const workload = buildWorkload(readCorpus(dir), targetBytes);
  runOnce(workload); // warm-up
  parentPort!.postMessage({ kind: 'ready', bytes: workload.bytes, chars: workload.chars, reports: workload.reports.length } satisfies WorkerMessage);
  parentPort!.on('message', (message: string) => {
    if (message === 'run') parentPort!.postMessage({ kind: 'done', ...runOnce(workload) } satisfies WorkerMessage);
    if (message === 'exit') process.exit(0);
  });
}

/**
 * A worker running this file. Node 20 does not pass tsx's loader on to worker threads, so a
 * TypeScript source is loaded through tsx's API from a small bootstrap.
 */
function startWorker(data: { reports: string; targetBytes: number }): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(import.meta.url), { workerData: data });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}

async function benchWorkers(options: Options): Promise<{ seconds: number[]; bytes: number; chars: number; reports: number; observations: number }> {
  const targetBytes = (options.mb * 1e6) / options.workers;
  const workers = Array.from({ length: options.workers }, () => startWorker({ reports: options.reports, targetBytes }));
  const next = (worker: Worker) => new Promise<WorkerMessage>((resolvePromise, reject) => {
    const onMessage = (message: WorkerMessage) => { worker.off('error', reject); resolvePromise(message); };
    worker.once('message', onMessage);
    worker.once('error', reject);
  });
  const ready = await Promise.all(workers.map(next));
  let bytes = 0;
  let chars = 0;
  let reports = 0;
  for (const message of ready) {
    if (message.kind !== 'ready') throw new Error('worker out of step');
    bytes += message.bytes; chars += message.chars; reports += message.reports;
  }
  const seconds: number[] = [];
  let observations = 0;
  for (let run = 0; run < options.runs; run += 1) {
    const start = performance.now();
    const done = Promise.all(workers.map(next));
    for (const worker of workers) worker.postMessage('run');
    const results = await done;
    seconds.push((performance.now() - start) / 1000);
    observations = results.reduce((sum, r) => sum + (r.kind === 'done' ? r.observations : 0), 0);
  }
  for (const worker of workers) worker.postMessage('exit');
  await Promise.all(workers.map((worker) => new Promise((resolveExit) => worker.once('exit', resolveExit))));
  return { seconds, bytes, chars, reports, observations };
}

/** Where one core's time goes: normalisation and sentence splitting, timed alone over the corpus, against the whole. */
function breakdown(corpus: readonly Report[]): Array<[string, number]> {
  const time = (fn: (report: Report) => unknown) => {
    for (const report of corpus) fn(report);
    const start = performance.now();
    for (let k = 0; k < 20; k += 1) for (const report of corpus) fn(report);
    return performance.now() - start;
  };
  const whole = time((report) => extractReport(report));
  const normalised = time((report) => normalise(report.body));
  const texts = new Map(corpus.map((report) => [report, normalise(report.body).text]));
  const split = time((report) => splitSentences(texts.get(report)!));
  return [['normalise', normalised / whole], ['splitSentences', split / whole], ['rules, checks, derivations (the rest)', 1 - (normalised + split) / whole]];
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  options.reports = resolve(options.reports);
  const corpus = readCorpus(options.reports);
  const corpusBytes = corpus.reduce((sum, report) => sum + utf8.encode(report.body).length, 0);
  const meanBytes = corpusBytes / corpus.length;
  const cpuModel = cpus()[0]?.model.trim() ?? 'unknown';
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  const mode = options.workers > 0 ? `${options.workers} worker thread${options.workers > 1 ? 's' : ''}` : '1 core (main thread)';
  console.log(`corpus: ${corpus.length} reports, ${(corpusBytes / 1e6).toFixed(3)} MB UTF-8, mean ${Math.round(meanBytes)} bytes/report`);
  console.log(`machine: ${cores} cores, ${cpuModel}, node ${process.version}; mode: ${mode}`);

  let seconds: number[];
  let bytes: number;
  let chars: number;
  let reports: number;
  let observations: number;
  if (options.workers > 0) {
    ({ seconds, bytes, chars, reports, observations } = await benchWorkers(options));
  } else {
    const workload = buildWorkload(corpus, options.mb * 1e6);
    ({ bytes, chars } = workload);
    reports = workload.reports.length;
    runOnce(workload); // warm-up
    seconds = [];
    observations = 0;
    for (let run = 0; run < options.runs; run += 1) {
      const result = runOnce(workload);
      seconds.push(result.seconds);
      observations = result.observations;
    }
  }

  const s = median(seconds);
  const mbPerSecond = bytes / 1e6 / s;
  const projectedSeconds = (100_000 * meanBytes) / (mbPerSecond * 1e6);
  const rows: Array<[string, string]> = [
    ['mode', mode],
    ['workload', `${reports} reports, ${(bytes / 1e6).toFixed(1)} MB UTF-8, ${chars} chars`],
    ['runs (s)', seconds.map((x) => x.toFixed(2)).join(', ')],
    ['median (s)', s.toFixed(2)],
    ['MB/s', mbPerSecond.toFixed(2)],
    ['chars/s', Math.round(chars / s).toLocaleString('en')],
    ['reports/s', Math.round(reports / s).toLocaleString('en')],
    ['observations per run', String(observations)],
    ['100,000 reports (mean size)', `${projectedSeconds.toFixed(0)} s (${(projectedSeconds / 60).toFixed(1)} min)`],
  ];
  const width = Math.max(...rows.map(([key]) => key.length));
  console.log(`\n${'metric'.padEnd(width)} | value\n${'-'.repeat(width)} | -----`);
  for (const [key, value] of rows) console.log(`${key.padEnd(width)} | ${value}`);

  let shares: Array<[string, number]> | undefined;
  if (options.breakdown) {
    shares = breakdown(corpus);
    console.log('\nwhere one core\'s time goes:');
    for (const [stage, share] of shares) console.log(`  ${stage.padEnd(40)} ${(share * 100).toFixed(0)}%`);
  }

  console.log(JSON.stringify({
    bench: 'extract', mode: options.workers > 0 ? 'workers' : 'single', workers: options.workers || 1,
    reports, bytes, chars, runs_s: seconds.map((x) => Number(x.toFixed(3))), median_s: Number(s.toFixed(3)),
    mb_per_s: Number(mbPerSecond.toFixed(3)), chars_per_s: Math.round(chars / s), reports_per_s: Math.round(reports / s),
    observations_per_run: observations, mean_report_bytes: Math.round(meanBytes), projected_100k_reports_s: Math.round(projectedSeconds),
    cores, cpu: cpuModel, node: process.version,
    ...(shares ? { breakdown: Object.fromEntries(shares.map(([stage, share]) => [stage, Number(share.toFixed(3))])) } : {}),
  }));
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
