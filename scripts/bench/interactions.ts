/**
 * The scripted interactions of `npm run bench`, chosen from the dataset served (dataset-sample.ts):
 * switch indicator, add/remove a place, open a source panel (Trends), change the peer group and the
 * year (Compare), open a profile (Profile). Each is a change of the URL state (nuqs: view, indicator,
 * regions, focus, peers, year, obs) made in the page — `history.pushState` + `popstate`, which is
 * exactly what a click on a control or the back button does to the app — and is timed in the page
 * from that moment to what the reader waits for:
 *
 * - `chart`: the chart showing the new state: the last `atlas:chart-updated` mark (src/charts/EChart.tsx,
 *   first frame painted after a setOption) after the input, once no other has followed for QUIET_MS and
 *   nothing on the page says it is loading (a view may draw twice, e.g. its old points under the new
 *   indicator while the new ones load: only the final drawing counts);
 * - `quote`: the source panel's quote with the figure marked (`[data-testid="provenance-quote"] mark`);
 * - `profile`: the profile of the place (`[data-testid="view-profile"]`, its heading naming the place, its table drawn).
 */
import type { Page } from 'playwright-core';
import type { SampleObservation } from './dataset-sample.ts';
import type { StepCpu } from './step-profile.ts';

export type InteractionKind = 'indicator' | 'add-region' | 'remove-region' | 'source-panel' | 'peer-group' | 'year' | 'profile';
export type Wait = { kind: 'chart' } | { kind: 'quote' } | { kind: 'profile'; name: string };

export interface Interaction {
  kind: InteractionKind;
  label: string;
  /** The URL search string after the interaction (`?view=…`), relative to the app's base. */
  search: string;
  wait: Wait;
}

export interface InteractionResult {
  kind: InteractionKind;
  label: string;
  /** Input → what the reader waits for, ms; null when it did not happen within the timeout. */
  ms: number | null;
  /** When ms is null: what the page showed at the timeout (chart updates seen, loading messages). */
  missed?: string;
  /** Dataset bytes and partitions the step fetched (the app's `atlas:partitions-loaded` marks; 0 for a CSV dataset). */
  dataBytes: number;
  partitions: number;
  /** Which view's loads those were (`view partitions bytes`, from the marks' detail), to explain a step's bytes. */
  loads: string[];
  /** Everything the browser fetched during the step (page and workers; browser-run.ts), and its requests. */
  fetchedBytes: number;
  requests: number;
  /** The paths the step fetched with their bytes (browser-run.ts). */
  fetchedPaths: string[];
  /** Main-thread tasks over 50 ms that started during the step (Long Tasks API). */
  longTasks: { count: number; maxMs: number; totalMs: number };
  /** Where the time went: the app's `atlas:query` measures (prepare + run + rows to JS) and `atlas:set-option`. */
  profile: StepProfile;
  /** With `BENCH_PROFILE=1`: the main thread's sampled time by function and file (step-profile.ts). */
  cpu?: StepCpu;
}

export interface StepProfile {
  queries: number;
  /** Sum of the queries' wall times (they may overlap) and the longest. */
  queryMs: number; longestQueryMs: number;
  setOptionMs: number;
  /** The queries' first words and times, in order (for `BENCH_TRACE=1`). */
  trace: string[];
}

/** What runInteraction measures in the page; the step's page-time window is for attributing long tasks. */
export type StepOutcome = Omit<InteractionResult, 'fetchedBytes' | 'requests' | 'fetchedPaths' | 'longTasks' | 'cpu'> & { t0: number; tEnd: number };

const search = (state: Record<string, string | number | readonly string[] | undefined>): string => {
  const params = Object.entries(state).filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(Array.isArray(v) ? v.join(',') : String(v)).replace(/%2C/g, ',')}`);
  return params.length > 0 ? `?${params.join('&')}` : '?';
};

interface Place { name: string; prefecture: string; years: Set<number>; obs: string[] }
interface Coverage { indicator: string; regions: Map<string, Place> }

function coverage(sample: readonly SampleObservation[]): Coverage[] {
  const byIndicator = new Map<string, Coverage>();
  for (const o of sample) {
    // Full-year values only: those every Trends chart draws (part-year counts are hidden by default).
    if (!o.has_value || !o.full_year) continue;
    const c = byIndicator.get(o.indicator_id) ?? { indicator: o.indicator_id, regions: new Map() };
    byIndicator.set(o.indicator_id, c);
    const r = c.regions.get(o.region_code) ?? { name: o.region_name, prefecture: o.prefecture_code, years: new Set<number>(), obs: [] };
    c.regions.set(o.region_code, r);
    r.years.add(o.year);
    r.obs.push(o.obs_id);
  }
  // Best covered first: most places, then most place-years; ties by id (deterministic).
  const placeYears = (c: Coverage) => [...c.regions.values()].reduce((n, r) => n + r.years.size, 0);
  return [...byIndicator.values()].sort((a, b) => b.regions.size - a.regions.size || placeYears(b) - placeYears(a) || a.indicator.localeCompare(b.indicator));
}

/** The interaction script (≥ 30 steps) for a dataset; throws when the dataset is too small for it. */
export function planInteractions(sample: readonly SampleObservation[]): Interaction[] {
  const indicators = coverage(sample);
  if (indicators.length < 3) throw new Error(`the dataset has ${indicators.length} indicators with values; the bench needs at least 3`);
  const [first, second, third] = indicators as [Coverage, Coverage, Coverage];
  const fourth = indicators[3] ?? first;
  const places = [...first.regions.entries()].sort((a, b) => b[1].years.size - a[1].years.size || a[0].localeCompare(b[0]));
  if (places.length < 4) throw new Error(`indicator ${first.indicator} has ${places.length} places; the bench needs at least 4`);
  const codes = places.map(([code]) => code);
  // Years ranked by how many places have a value in them (Compare draws one bar per place).
  const placesIn = new Map<number, number>();
  for (const [, r] of places) for (const y of r.years) placesIn.set(y, (placesIn.get(y) ?? 0) + 1);
  const years = [...placesIn.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]).map(([y]) => y);
  // The Compare focus: a place of the prefecture with the most places (so the peer groups differ).
  const perPrefecture = new Map<string, number>();
  for (const [, r] of places) perPrefecture.set(r.prefecture, (perPrefecture.get(r.prefecture) ?? 0) + 1);
  const bigPrefecture = [...perPrefecture.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  const steps: Interaction[] = [];
  const chart = { kind: 'chart' } as const;
  const add = (kind: InteractionKind, label: string, state: Record<string, string | number | readonly string[] | undefined>, wait: Wait = chart) =>
    steps.push({ kind, label, search: search(state), wait });

  // Trends: indicators (default places), then places added and removed one by one.
  for (const c of [second, third, fourth, first, second]) add('indicator', `indicator ${c.indicator}`, { indicator: c.indicator });
  const base = codes.slice(0, Math.min(3, codes.length - 1));
  const extra = codes.slice(base.length, base.length + 4);
  // The chosen places arrive with a change of indicator: `first`'s default places may be exactly `base`
  // (they are on the shipped data), and a step into the state already drawn never sees a redraw.
  add('indicator', `indicator ${first.indicator}, places ${base.join(',')}`, { indicator: first.indicator, regions: base });
  let chosen = [...base];
  for (const code of extra) { chosen = [...chosen, code]; add('add-region', `add ${code}`, { indicator: first.indicator, regions: chosen }); }
  for (const code of [...extra].reverse().slice(0, 3)) { chosen = chosen.filter((c) => c !== code); add('remove-region', `remove ${code}`, { indicator: first.indicator, regions: chosen }); }
  // Source panels: a figure of each of the first places.
  for (const [code, r] of places.slice(0, 5)) add('source-panel', `source ${code} ${r.obs[0]}`, { indicator: first.indicator, regions: chosen, obs: r.obs[0] }, { kind: 'quote' });
  // Compare: peer groups and years around the best-covered place.
  const focus = places.find(([, r]) => r.prefecture === bigPrefecture)![0];
  for (const peers of ['prefecture', 'province', 'all', 'prefecture', 'all']) add('peer-group', `peers ${peers}`, { view: 'compare', indicator: first.indicator, focus, peers });
  // Oldest first: Compare opens on the latest year, so starting there would change nothing on the page.
  for (const year of [...years.slice(0, 4)].sort((a, b) => a - b)) add('year', `year ${year}`, { view: 'compare', indicator: first.indicator, focus, peers: 'all', year });
  // Profiles of several places.
  for (const [code, r] of places.slice(0, 5)) add('profile', `profile ${code}`, { view: 'profile', focus: code }, { kind: 'profile', name: r.name });
  // Back to Trends and a last round of indicators.
  for (const c of [third, first, second]) add('indicator', `indicator ${c.indicator}`, { indicator: c.indicator });
  return steps;
}

/** How long a chart must stay unchanged for its last update to count as the final one. */
export const QUIET_MS = 250;

/** Runs one interaction in the page and times it there (no round trip to Node inside the measurement). */
export async function runInteraction(page: Page, step: Interaction, timeoutMs: number): Promise<StepOutcome> {
  const outcome = await page.evaluate(async ({ search, wait, timeoutMs, quietMs }) => {
    const loadingTexts = () => [...document.querySelectorAll('main [role="status"]')]
      .filter((e) => (e as HTMLElement).offsetParent !== null && (e.textContent ?? '').trim().endsWith('…')).map((e) => e.textContent ?? '');
    const loading = () => loadingTexts().length > 0;
    const visible = (el: Element | null) => el !== null && (el as HTMLElement).offsetParent !== null;
    const done = (since: number): boolean => {
      if (wait.kind === 'chart') return performance.getEntriesByName('atlas:chart-updated').some((e) => e.startTime >= since);
      if (wait.kind === 'quote') return visible(document.querySelector('[data-testid="provenance-quote"] mark'));
      const view = document.querySelector('[data-testid="view-profile"]');
      const heading = view?.querySelector('h2')?.textContent ?? '';
      return visible(view) && heading.includes(wait.name) && visible(view!.querySelector('[data-testid="chart"] table')) && !loading();
    };
    const t0 = performance.now();
    history.pushState(null, '', `${location.pathname}${search}`);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
    const profile = (until: number) => {
      const inStep = (name: string) => performance.getEntriesByName(name).filter((e) => e.startTime >= t0 && e.startTime < until);
      const queries = inStep('atlas:query') as PerformanceMeasure[];
      const durations = queries.map((q) => q.duration);
      return {
        queries: queries.length, queryMs: durations.reduce((a, b) => a + b, 0), longestQueryMs: durations.length ? Math.max(...durations) : 0,
        setOptionMs: inStep('atlas:set-option').reduce((n, e) => n + e.duration, 0),
        trace: queries.map((q) => `${Math.round(q.startTime - t0)}+${Math.round(q.duration)} ms ${((q.detail ?? {}) as { sql?: string }).sql ?? ''}`),
      };
    };
    const fetched = () => {
      const loads = performance.getEntriesByName('atlas:partitions-loaded').filter((e) => e.startTime >= t0)
        .map((e) => ((e as PerformanceMark).detail ?? {}) as { bytes?: number; partitions?: number; view?: string });
      return {
        dataBytes: loads.reduce((n, d) => n + (d.bytes ?? 0), 0), partitions: loads.reduce((n, d) => n + (d.partitions ?? 0), 0),
        loads: loads.map((d) => `${d.view ?? '?'} ${d.partitions ?? 0} ${d.bytes ?? 0}`),
      };
    };
    return new Promise<{ ms: number | null; missed?: string; dataBytes: number; partitions: number; loads: string[]; t0: number; tEnd: number; profile: StepProfile }>((resolveOutcome) => {
      // The step ends when the reader has what they waited for (not after the quiet period that confirms it).
      const resolve = (outcome: { ms: number | null; missed?: string }) => {
        const tEnd = outcome.ms === null ? performance.now() : t0 + outcome.ms;
        resolveOutcome({ ...outcome, ...fetched(), t0, tEnd, profile: profile(tEnd) });
      };
      const check = () => {
        const marks = performance.getEntriesByName('atlas:chart-updated').filter((e) => e.startTime >= t0);
        if (wait.kind === 'chart') {
          const last = marks[marks.length - 1];
          if (last && performance.now() - last.startTime >= quietMs && !loading()) { resolve({ ms: last.startTime - t0 }); return; }
        } else if (done(t0)) { resolve({ ms: performance.now() - t0 }); return; }
        if (performance.now() - t0 > timeoutMs) {
          resolve({ ms: null, missed: `${marks.length} chart updates; loading: ${JSON.stringify(loadingTexts())}` });
          return;
        }
        requestAnimationFrame(check);
      };
      check();
    });
  }, { search: step.search, wait: step.wait, timeoutMs, quietMs: QUIET_MS });
  return { kind: step.kind, label: step.label, ...outcome };
}

/** Closes the source panel (if open) without timing: the next quote step must wait for a new quote. */
export async function resetBetween(page: Page, next: Interaction): Promise<void> {
  if (next.wait.kind !== 'quote') return;
  await page.evaluate(() => {
    const url = new URL(location.href);
    if (!url.searchParams.has('obs')) return;
    url.searchParams.delete('obs');
    history.pushState(null, '', url.pathname + url.search.replace(/%2C/g, ','));
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
  });
  await page.waitForFunction(() => !document.querySelector('[data-testid="provenance-quote"] mark'), null, { timeout: 10_000 });
}
