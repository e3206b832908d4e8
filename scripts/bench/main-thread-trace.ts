/**
 * Which code a long main-thread task runs: a Chromium trace (CDP `Tracing`, the DevTools timeline
 * categories) of a page load, and for its longest tasks on the page's main thread the work inside
 * them, summed by what it was (a script function with its file, a style/layout pass, a parse…).
 * The Long Tasks API only says that a task was long; this says whose it was.
 */
import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      url?: string; functionName?: string; lineNumber?: number; frame?: string; startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[];
    };
  };
}

interface ProfileNode { id: number; parent?: number; callFrame: { functionName: string; url: string; lineNumber: number } }

export interface TaskBreakdown {
  /** ms */
  duration: number;
  /** ms after the trace started */
  startedAt: number;
  /** The biggest parts of the task, largest first: what (a function with its file, or a browser step) and ms. */
  parts: Array<{ what: string; ms: number }>;
  /** From the V8 sampling profiler: the functions the task spent its time in (self time), largest first. */
  selfTime: Array<{ what: string; ms: number }>;
  /** The same samples by their whole stack (leaf first, up to 8 frames): who called what, largest first. */
  stacks: Array<{ what: string; ms: number }>;
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler'].join(',');

export async function startTrace(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' });
  return cdp;
}

export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream as string)));
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  await cdp.detach();
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents ?? [];
}

const shortUrl = (url: string): string => url.replace(/^https?:\/\/[^/]+\//, '').replace(/\?.*$/, '');

/** What an event inside a task was, in words a reader can act on. */
function label(e: TraceEvent): string | null {
  const data = e.args?.data;
  if (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.compile' || e.name === 'TimerFire' || e.name === 'FireAnimationFrame') {
    const where = data?.url ? shortUrl(data.url) : '';
    return `${e.name} ${data?.functionName || '(anonymous)'}${where ? ` @ ${where}:${data?.lineNumber ?? ''}` : ''}`;
  }
  if (['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'ParseHTML', 'ParseAuthorStyleSheet', 'GCEvent', 'MajorGC', 'MinorGC',
    'V8.GC_MARK_COMPACTOR', 'HitTest', 'Commit', 'v8.wasm.compiledModule', 'v8.wasm.streamFromResponseCallback', 'RunMicrotasks'].includes(e.name)) return e.name;
  return null;
}

/**
 * The main thread's `n` longest tasks (`RunTask`, over 50 ms) and, inside each, the top-level labelled
 * events (a function call's own nested calls are counted in it, not again) summed by label.
 */
export function longestTasks(events: readonly TraceEvent[], n = 3): TaskBreakdown[] {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number');
  const start = Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur! > 50_000).sort((a, b) => b.dur! - a.dur!).slice(0, n);
  const profile = mainProfile(events, main.pid, main.tid);
  return tasks.map((task) => {
    const end = task.ts + task.dur!;
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end && label(e) !== null).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const sums = new Map<string, number>();
    let coveredUntil = -1;
    for (const e of inside) {
      if (e.ts < coveredUntil) continue; // nested in one already counted
      sums.set(label(e)!, (sums.get(label(e)!) ?? 0) + e.dur!);
      coveredUntil = e.ts + e.dur!;
    }
    const sampled = samplesIn(profile, task.ts, end);
    return {
      duration: Math.round(task.dur! / 1000), startedAt: Math.round((task.ts - start) / 1000),
      parts: top(sums), selfTime: top(sampled.self), stacks: top(sampled.stacks).slice(0, 3),
    };
  });
}

const top = (sums: Map<string, number>) => [...sums].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([what, us]) => ({ what, ms: Math.round(us / 1000) }));

interface Samples { nodes: Map<number, ProfileNode>; times: number[]; ids: number[] }

/** The main thread's V8 samples (ProfileChunk events of the Profile whose thread is the renderer's main one). */
function mainProfile(events: readonly TraceEvent[], pid: number, tid: number): Samples {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  const nodes = new Map<number, ProfileNode>();
  const times: number[] = [];
  const ids: number[] = [];
  if (!profile) return { nodes, times, ids };
  let time = profile.args?.data?.startTime ?? 0;
  for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.id === profile.id && e.pid === pid)) {
    for (const node of chunk.args?.data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const samples = chunk.args?.data?.cpuProfile?.samples ?? [];
    const deltas = chunk.args?.data?.timeDeltas ?? [];
    samples.forEach((id, i) => { time += deltas[i] ?? 0; times.push(time); ids.push(id); });
  }
  return { nodes, times, ids };
}

const frameName = (n: ProfileNode): string => `${n.callFrame.functionName || '(anonymous)'}${n.callFrame.url ? ` @ ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber}` : ''}`;

function samplesIn(profile: Samples, from: number, to: number): { self: Map<string, number>; stacks: Map<string, number> } {
  const self = new Map<string, number>();
  const stacks = new Map<string, number>();
  for (let i = 0; i < profile.times.length; i += 1) {
    const t = profile.times[i]!;
    if (t < from || t > to) continue;
    const width = (profile.times[i + 1] ?? t) - t;
    const leaf = profile.nodes.get(profile.ids[i]!);
    if (!leaf) continue;
    self.set(frameName(leaf), (self.get(frameName(leaf)) ?? 0) + width);
    const frames: string[] = [];
    for (let at: ProfileNode | undefined = leaf; at && frames.length < 8; at = at.parent === undefined ? undefined : profile.nodes.get(at.parent)) {
      if (at.callFrame.functionName !== '(root)') frames.push(frameName(at));
    }
    const stack = frames.join(' < ');
    stacks.set(stack, (stacks.get(stack) ?? 0) + width);
  }
  return { self, stacks };
}
