/**
 * `BENCH_PROFILE=1 npm run bench …`: the V8 sampling profiler (CDP `Profiler`) on the page's main
 * thread during each step, summed into where the step's main-thread time went. The Long Tasks API says
 * that a task was long and the `atlas:query` marks what DuckDB was asked; this says whose code ran
 * (a build made with `--minify false` keeps the function names).
 *
 * Only the page's main thread is sampled: DuckDB runs in its worker, so a step waiting for a query
 * shows up here as `(idle)`, not as the query's own work.
 */
import type { CDPSession, Page } from 'playwright-core';

interface CallFrame { functionName: string; url: string; lineNumber: number }
interface ProfileNode { id: number; parent?: number; children?: number[]; callFrame: CallFrame }
interface Profile { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[]; startTime: number; endTime: number }

export interface StepCpu {
  /** Sampled ms by function (self time), largest first: `name file:line`. */
  self: Array<{ what: string; ms: number }>;
  /** Sampled ms by source file or browser category (`(idle)`, `(program)`, `(garbage collector)`), largest first. */
  byFile: Array<{ what: string; ms: number }>;
  /** Sampled ms inside (inclusive of callees) functions whose name says what the app does, largest first. */
  inclusive: Array<{ what: string; ms: number }>;
}

/** Sampling every 200 µs: fine enough for tasks of a few ms, cheap enough under load. */
const INTERVAL_US = 200;
/** Inclusive time is reported for these functions (names kept by an unminified build). */
const WATCHED = /^(setOption|commitRoot|performWorkOnRoot|renderRootSync|workLoopSync|flushPassiveEffects|toArray|get|parquetRead|parquetReadObjects|readPartition|insertArrowTable|.*Csv.*|.*Rows)$/;
const TOP = 12;

export async function startStepProfiler(page: Page): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
  return session;
}

export async function profileStep<T>(session: CDPSession, run: () => Promise<T>): Promise<{ value: T; cpu: StepCpu }> {
  await session.send('Profiler.start');
  try {
    const value = await run();
    const { profile } = await session.send('Profiler.stop') as { profile: Profile };
    return { value, cpu: summariseProfile(profile) };
  } catch (error) {
    await session.send('Profiler.stop').catch(() => undefined);
    throw error;
  }
}

const fileOf = (f: CallFrame) => f.url === '' ? `(${f.functionName || 'anonymous'})` : f.url.split('/').pop()!.split('?')[0]!;
const nameOf = (f: CallFrame) => f.url === '' ? fileOf(f) : `${f.functionName || '(anonymous)'} ${fileOf(f)}:${f.lineNumber + 1}`;

/** Self time by function and file, and inclusive time of the watched functions (each counted once per sample). */
export function summariseProfile(profile: Profile): StepCpu {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const byFile = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const add = (m: Map<string, number>, k: string, ms: number) => m.set(k, (m.get(k) ?? 0) + ms);
  for (let i = 0; i < samples.length; i += 1) {
    // A sample's weight is the time until the next sample (the last one: none).
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const leaf = byId.get(samples[i]!);
    if (!leaf || ms <= 0) continue;
    add(self, nameOf(leaf.callFrame), ms);
    add(byFile, fileOf(leaf.callFrame), ms);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)!.callFrame;
      if (!WATCHED.test(frame.functionName)) continue;
      const key = `${frame.functionName} ${fileOf(frame)}`;
      if (!seen.has(key)) { seen.add(key); add(inclusive, key, ms); }
    }
  }
  const top = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP)
    .map(([what, ms]) => ({ what, ms: Math.round(ms * 10) / 10 }));
  return { self: top(self), byFile: top(byFile), inclusive: top(inclusive) };
}
