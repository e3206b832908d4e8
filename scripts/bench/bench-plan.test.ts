/** The benchmark's statistics and its interaction script on the shipped dataset. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSample } from './dataset-sample.ts';
import { planInteractions } from './interactions.ts';
import { formatBeforeAfter } from './before-after.ts';
import { bytesBetween, taskStats } from './browser-run.ts';
import { latencyStats, median, quantile, summarise, type BenchReport, type RunResult } from './report.ts';

const noTasks = { count: 0, maxMs: 0, totalMs: 0 };
const profile = (queries: number, queryMs: number) => ({ queries, queryMs, longestQueryMs: queryMs, setOptionMs: 3, trace: [] });

describe('quantile and median', () => {
  it('interpolate between closest ranks and ignore missing values', () => {
    expect(quantile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21], 0.95)).toBe(20);
    expect(quantile([], 0.5)).toBeNull();
    expect(median([3, null, 1, 2])).toBe(2);
    expect(latencyStats([
      { kind: 'year', label: 'a', ms: 5, dataBytes: 1000, partitions: 2, loads: [], fetchedBytes: 1500, requests: 2, fetchedPaths: [], longTasks: noTasks, profile: profile(2, 30) },
      { kind: 'year', label: 'b', ms: null, dataBytes: 0, partitions: 0, loads: [], fetchedBytes: 0, requests: 0, fetchedPaths: [], longTasks: { count: 2, maxMs: 120, totalMs: 190 }, profile: profile(0, 0) },
      { kind: 'year', label: 'c', ms: 7, dataBytes: 3000, partitions: 4, loads: [], fetchedBytes: 3500, requests: 4, fetchedPaths: [], longTasks: { count: 1, maxMs: 80, totalMs: 80 }, profile: profile(4, 50) },
    ])).toEqual({ n: 2, missed: 1, p50: 6, p95: 6.9, max: 7, bytesP50: 1000, bytesMax: 3000, fetchedP50: 1500, fetchedMax: 3500, stepsWithLongTask: 2, longestTaskMs: 120, queriesP50: 2, queryMsP50: 30, setOptionMsP50: 3 });
  });
});

describe('long tasks and bytes per step', () => {
  it('count only what started inside the step', () => {
    const tasks: [number, number][] = [[10, 60], [100, 250], [199, 70], [200, 500]];
    expect(taskStats(tasks, 100, 200)).toEqual({ count: 2, maxMs: 250, totalMs: 320 });
    expect(taskStats(tasks, 0, 5)).toEqual(noTasks);
    const requests = [{ startedAt: 1000, bytes: 300, path: '/a' }, { startedAt: 1500, bytes: null, path: '/b' }, { startedAt: 2000, bytes: 700, path: '/c' }];
    expect(bytesBetween(requests, 1000, 2000)).toEqual({ bytes: 300, requests: 2, paths: ['/a 300'] });
  });
});

describe('the before/after table', () => {
  const run = (ms: number, fetched: number): RunResult => ({
    run: 1, firstChartMs: 700, duckdbReadyMs: 2000, datasetLoadedMs: 2400, wasm: [], idleBytes: 0, idlePaths: [],
    startup: { fetchedBytes: 9e6, requests: 20, longTasks: { count: 3, maxMs: 400, totalMs: 700 } },
    interactions: [{ kind: 'year', label: 'year 2024', ms, dataBytes: 0, partitions: 0, loads: [], fetchedBytes: fetched, requests: 1, fetchedPaths: [], longTasks: noTasks, profile: profile(1, 5) }],
  });
  const report = (r: RunResult, dist: string): BenchReport => ({
    bench: 'app', date: '', dataset: 'd', dist, runs: 1, perRun: [r], ...summarise([r]),
    machine: { cpu: '', nproc: 2, memoryGb: 1, loadAverage: { before: [0, 0, 0], after: [0, 0, 0] }, node: '', chromium: '', platform: '' },
  });
  it('puts each measure of both builds on one line with the change', () => {
    const table = formatBeforeAfter(report(run(200, 2e6), 'main'), report(run(50, 0), 'perf'));
    expect(table).toContain('| year p95 | 200 ms | 50 ms | −75 % |');
    expect(table).toContain('| year fetched, largest step | 2.00 MB | 0 | −100 % |');
    expect(table).toContain('| first chart painted | 700 ms | 700 ms | +0 % |');
  });
});

describe('planInteractions on the shipped dataset', () => {
  it('plays at least 30 interactions of every kind, with ids from the data', async () => {
    const sample = await readSample(join(import.meta.dirname, '..', '..', 'public', 'data'));
    const steps = planInteractions(sample);
    expect(steps.length).toBeGreaterThanOrEqual(30);
    expect(new Set(steps.map((s) => s.kind))).toEqual(new Set(['indicator', 'add-region', 'remove-region', 'source-panel', 'peer-group', 'year', 'profile']));
    const obsIds = new Set(sample.map((o) => o.obs_id));
    for (const step of steps.filter((s) => s.kind === 'source-panel')) expect(obsIds.has(new URLSearchParams(step.search).get('obs')!)).toBe(true);
    const indicators = new Set(sample.map((o) => o.indicator_id));
    for (const step of steps) {
      const indicator = new URLSearchParams(step.search).get('indicator');
      if (indicator) expect(indicators.has(indicator)).toBe(true);
    }
  });

  it('never enters the state the page already shows: a step after default places changes the indicator', async () => {
    const steps = planInteractions(await readSample(join(import.meta.dirname, '..', '..', 'public', 'data')));
    const trends = (s: string) => !new URLSearchParams(s).has('view');
    for (const [i, step] of steps.entries()) {
      const before = steps[i - 1];
      if (!before || !trends(before.search) || !trends(step.search)) continue;
      expect(step.search, `step ${i} (${step.label})`).not.toBe(before.search);
      // Places the view chose by default may equal the ones this step names: only a new indicator is sure to redraw.
      if (!new URLSearchParams(before.search).has('regions')) {
        expect(new URLSearchParams(step.search).get('indicator'), `step ${i} (${step.label})`).not.toBe(new URLSearchParams(before.search).get('indicator'));
      }
    }
  });
});
