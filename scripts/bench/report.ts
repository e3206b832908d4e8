/** Statistics and output of `npm run bench`: medians over runs, p50/p95 of interaction latencies, a table. */
import type { InteractionKind, InteractionResult } from './interactions.ts';

export interface RunResult {
  run: number;
  /** From navigation start, ms (performance marks' startTime); null when the mark never came. */
  firstChartMs: number | null;
  duckdbReadyMs: number | null;
  datasetLoadedMs: number | null;
  /** The wasm files fetched: `name status content-encoding`. */
  wasm: string[];
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

const mb = (bytes: number): string => (bytes === 0 ? '0' : `${(bytes / 1e6).toFixed(2)} MB`);

export function latencyStats(results: readonly InteractionResult[]): LatencyStats {
  const measured = results.map((r) => r.ms).filter((v): v is number => v !== null);
  const bytes = results.map((r) => r.dataBytes ?? 0);
  return {
    n: measured.length, missed: results.length - measured.length,
    p50: quantile(measured, 0.5), p95: quantile(measured, 0.95), max: measured.length ? Math.max(...measured) : null,
    bytesP50: quantile(bytes, 0.5) ?? 0, bytesMax: bytes.length ? Math.max(...bytes) : 0,
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
    },
    byKind: Object.fromEntries(kinds.map((kind) => [kind, latencyStats(runs.flatMap((r) => r.interactions.filter((i) => i.kind === kind)))])),
  };
}

const ms = (v: number | null) => (v === null ? '—' : `${Math.round(v)} ms`);

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
    '',
    '| interaction (all runs pooled) | n | missed | p50 | p95 | max | data fetched p50 / max |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...Object.entries(report.byKind).map(([kind, s]) => `| ${kind} | ${s.n} | ${s.missed} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} | ${mb(s.bytesP50)} / ${mb(s.bytesMax)} |`),
    '',
    '| run | first chart | DuckDB ready | dataset loaded | interactions p50 | p95 |',
    '| --- | --- | --- | --- | --- | --- |',
    ...report.perRun.map((r) => {
      const s = latencyStats(r.interactions);
      return `| ${r.run} | ${ms(r.firstChartMs)} | ${ms(r.duckdbReadyMs)} | ${ms(r.datasetLoadedMs)} | ${ms(s.p50)} | ${ms(s.p95)} |`;
    }),
  ];
  return lines.join('\n');
}
