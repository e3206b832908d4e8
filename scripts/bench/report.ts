/** Statistics and output of `npm run bench`: medians over runs, p50/p95 of interaction latencies, a table. */
import type { InteractionKind, InteractionResult } from './interactions.ts';

/** Main-thread tasks over 50 ms (Long Tasks API) in a span: how many, the longest, their sum. */
export interface TaskStats { count: number; maxMs: number; totalMs: number }

export interface RunResult {
  run: number;
  /** From navigation start, ms (performance marks' startTime); null when the mark never came. */
  firstChartMs: number | null;
  duckdbReadyMs: number | null;
  datasetLoadedMs: number | null;
  /** The wasm files fetched: `name status content-encoding`. */
  wasm: string[];
  /** From navigation to the first step: what the browser fetched and the long tasks. */
  startup: { fetchedBytes: number; requests: number; longTasks: TaskStats };
  /** Bytes of requests that started between steps (idle prefetches). */
  idleBytes: number;
  /** What those idle requests were (`path bytes`). */
  idlePaths: string[];
  interactions: InteractionResult[];
}

export interface Machine {
  cpu: string;
  nproc: number;
  memoryGb: number;
  loadAverage: { before: number[]; after: number[] };
  node: string;
  chromium: string;
  platform: string;
}

export interface LatencyStats {
  n: number; missed: number; p50: number | null; p95: number | null; max: number | null;
  /** Dataset bytes fetched per step (partitioned datasets; 0 for CSV): median and largest. */
  bytesP50: number; bytesMax: number;
  /** Everything the browser fetched per step (page and workers): median and largest. */
  fetchedP50: number; fetchedMax: number;
  /** Long tasks: steps with at least one, and the longest. */
  stepsWithLongTask: number; longestTaskMs: number;
  /** Where the time went, medians per step: queries run, their summed wall time, ECharts' setOption. */
  queriesP50: number; queryMsP50: number; setOptionMsP50: number;
}

export interface BenchReport {
  bench: 'app';
  date: string;
  dataset: string;
  dist: string;
  runs: number;
  machine: Machine;
  medians: {
    firstChartMs: number | null;
    duckdbReadyMs: number | null;
    datasetLoadedMs: number | null;
    /** Median over runs of each run's p50 / p95 over all its interactions. */
    interactionP50Ms: number | null;
    interactionP95Ms: number | null;
    startupFetchedBytes: number | null;
    startupLongestTaskMs: number | null;
    /** Median over runs of the longest task of a run's steps. */
    interactionLongestTaskMs: number | null;
  };
  /** Pooled over all runs, per kind of interaction. */
  byKind: Record<string, LatencyStats>;
  perRun: RunResult[];
}

/** The q-quantile (0…1) by linear interpolation between closest ranks; null for no values. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export const median = (values: readonly (number | null)[]): number | null => quantile(values.filter((v): v is number => v !== null), 0.5);

export const mb = (bytes: number | null): string => (bytes === null ? '—' : bytes === 0 ? '0' : bytes < 1e5 ? `${(bytes / 1e3).toFixed(1)} KB` : `${(bytes / 1e6).toFixed(2)} MB`);

export function latencyStats(results: readonly InteractionResult[]): LatencyStats {
  const measured = results.map((r) => r.ms).filter((v): v is number => v !== null);
  const bytes = results.map((r) => r.dataBytes ?? 0);
  const fetched = results.map((r) => r.fetchedBytes);
  const longest = results.map((r) => r.longTasks.maxMs);
  return {
    n: measured.length, missed: results.length - measured.length,
    p50: quantile(measured, 0.5), p95: quantile(measured, 0.95), max: measured.length ? Math.max(...measured) : null,
    bytesP50: quantile(bytes, 0.5) ?? 0, bytesMax: bytes.length ? Math.max(...bytes) : 0,
    fetchedP50: quantile(fetched, 0.5) ?? 0, fetchedMax: fetched.length ? Math.max(...fetched) : 0,
    stepsWithLongTask: results.filter((r) => r.longTasks.count > 0).length, longestTaskMs: longest.length ? Math.max(...longest) : 0,
    queriesP50: quantile(results.map((r) => r.profile.queries), 0.5) ?? 0,
    queryMsP50: quantile(results.map((r) => r.profile.queryMs), 0.5) ?? 0,
    setOptionMsP50: quantile(results.map((r) => r.profile.setOptionMs), 0.5) ?? 0,
  };
}

export function summarise(runs: readonly RunResult[]): Pick<BenchReport, 'medians' | 'byKind'> {
  const perRun = runs.map((r) => latencyStats(r.interactions));
  const kinds = [...new Set(runs.flatMap((r) => r.interactions.map((i) => i.kind)))] as InteractionKind[];
  return {
    medians: {
      firstChartMs: median(runs.map((r) => r.firstChartMs)),
      duckdbReadyMs: median(runs.map((r) => r.duckdbReadyMs)),
      datasetLoadedMs: median(runs.map((r) => r.datasetLoadedMs)),
      interactionP50Ms: median(perRun.map((s) => s.p50)),
      interactionP95Ms: median(perRun.map((s) => s.p95)),
      startupFetchedBytes: median(runs.map((r) => r.startup.fetchedBytes)),
      startupLongestTaskMs: median(runs.map((r) => r.startup.longTasks.maxMs)),
      interactionLongestTaskMs: median(perRun.map((s) => s.longestTaskMs)),
    },
    byKind: Object.fromEntries(kinds.map((kind) => [kind, latencyStats(runs.flatMap((r) => r.interactions.filter((i) => i.kind === kind)))])),
  };
}

export const ms = (v: number | null) => (v === null ? '—' : `${Math.round(v)} ms`);

export function formatTable(report: BenchReport): string {
  const { medians } = report;
  const lines = [
    `dataset ${report.dataset}; ${report.runs} cold runs; ${report.machine.cpu}, nproc ${report.machine.nproc}; ${report.machine.chromium}; load ${report.machine.loadAverage.before.map((l) => l.toFixed(2)).join(' ')}`,
    '',
    '| measure (median of runs) | value |',
    '| --- | --- |',
    `| first chart painted | ${ms(medians.firstChartMs)} |`,
    `| DuckDB ready | ${ms(medians.duckdbReadyMs)} |`,
    `| dataset loaded | ${ms(medians.datasetLoadedMs)} |`,
    `| interactions p50 | ${ms(medians.interactionP50Ms)} |`,
    `| interactions p95 | ${ms(medians.interactionP95Ms)} |`,
    `| fetched during start-up | ${mb(medians.startupFetchedBytes)} |`,
    `| longest task, start-up | ${ms(medians.startupLongestTaskMs)} |`,
    `| longest task, interactions | ${ms(medians.interactionLongestTaskMs)} |`,
    '',
    '| interaction (all runs pooled) | n | missed | p50 | p95 | max | fetched p50 / max | partitions p50 / max | steps with a long task | longest task | queries, query ms, setOption ms (p50) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...Object.entries(report.byKind).map(([kind, s]) => `| ${kind} | ${s.n} | ${s.missed} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} | ${mb(s.fetchedP50)} / ${mb(s.fetchedMax)} | ${mb(s.bytesP50)} / ${mb(s.bytesMax)} | ${s.stepsWithLongTask} | ${ms(s.longestTaskMs)} | ${s.queriesP50}, ${Math.round(s.queryMsP50)}, ${Math.round(s.setOptionMsP50)} |`),
    '',
    '| run | first chart | DuckDB ready | dataset loaded | interactions p50 | p95 | longest task (start-up / steps) | fetched idle |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...report.perRun.map((r) => {
      const s = latencyStats(r.interactions);
      return `| ${r.run} | ${ms(r.firstChartMs)} | ${ms(r.duckdbReadyMs)} | ${ms(r.datasetLoadedMs)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(r.startup.longTasks.maxMs)} / ${ms(s.longestTaskMs)} | ${mb(r.idleBytes)} |`;
    }),
  ];
  return lines.join('\n');
}
