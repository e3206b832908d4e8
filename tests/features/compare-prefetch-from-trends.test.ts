/**
 * Compare's first state prefetched from Trends (issue 12): the plan fills the very cache entries
 * CompareView reads, with what Compare's own queries return, for the place Compare would open on and
 * for the drawn places in the reader's group and their prefecture; on a partitioned dataset without
 * tiles it fetches no figures (they would download partitions).
 */
import { join } from 'node:path';
import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/index.ts';
import { compareFigures, compareYears, latestYearCoverage } from '../../src/db/queries/compare.ts';
import { listIndicators } from '../../src/db/queries/indicators.ts';
import { listPlaces, resolvePeerLevel, type PeerSpec } from '../../src/db/queries/peers.ts';
import { yearsToFetch } from '../../src/features/shared/data/compare-model.ts';
import { compareFiguresQuery, compareYearsQuery, likelyCompareSteps, type CompareContext } from '../../src/features/shared/data/compare-queries.ts';
import type { PrefetchStep } from '../../src/features/shared/data/idle-prefetch.ts';
import { peerMembersQuery } from '../../src/features/shared/data/use-places.ts';
import { DEFAULT_FOCUS, resolveFrom, resolveIndicator, resolveYear } from '../../src/features/shared/resolve.ts';
import { openNodeDb, type NodeDb } from '../db/node-db.ts';
import { regionsWithIndicators } from '../../src/db/queries/regions.ts';
import { trendsPrefetchPlan } from '../../src/features/trends/trends-prefetch-plan.ts';
import { chosenRegionCodes } from '../../src/features/trends/use-trends-data.ts';

const SHIPPED = join(import.meta.dirname, '..', '..', 'public', 'data');
let db: NodeDb;
beforeAll(async () => { db = await openNodeDb(SHIPPED); });
afterAll(async () => { await db.close(); });

/** The shipped dataset through the Database door: every scope is the loaded CSV tables. */
function databaseOver(layout: 'csv' | 'hive-parquet', loads: string[]): Database {
  const scoped = async (view: string) => { loads.push(view); return db; };
  const door: Partial<Database> = {
    forScope: (_scope, view) => scoped(view), forPlaces: (_codes, view) => scoped(view), forTiles: async () => null,
    forStandings: async () => null, forObservation: (_id, view) => scoped(view), whole: async () => db, loaded: async () => db,
    source: async () => ({ manifest: { layout } }) as unknown as Awaited<ReturnType<Database['source']>>,
  };
  return door as Database;
}

/** Runs a plan as the idle queue does (each step, its follow-ups next), without waiting for idle time. */
async function runPlan(client: QueryClient, steps: readonly PrefetchStep[]): Promise<void> {
  const pending = [...steps];
  while (pending.length > 0) {
    const step = pending.shift()!;
    const result: unknown = await (typeof step === 'function' ? step(client) : client.prefetchQuery(step));
    if (Array.isArray(result)) pending.unshift(...(result as PrefetchStep[]));
  }
}

const INDICATOR = 'admin_review.received';
const DRAWN = ['110112', '330300', '341881', '140223'];
let context: CompareContext;
beforeAll(async () => { context = { indicator: INDICATOR, indicators: await listIndicators(db), focus: null, peers: 'all', custom: [], level: null, tolerance: 1, year: null, from: null }; });

describe('likelyCompareSteps (Compare prefetched from Trends) on the shipped dataset', () => {
  it('caches the years and figures CompareView would read, equal to its own queries, for the default focus and the drawn places', async () => {
    const client = new QueryClient();
    const database = databaseOver('csv', []);
    await runPlan(client, likelyCompareSteps(database, context, DRAWN));
    const places = await listPlaces(db);
    let withFigures = 0;
    for (const code of [DEFAULT_FOCUS, ...DRAWN]) {
      for (const group of ['all', 'prefecture'] as const) {
        const place = places.find((p) => p.region_code === code)!;
        const spec: PeerSpec = { group, focus: code, custom: [], level: resolvePeerLevel(null, place) };
        const years = client.getQueryData(compareYearsQuery(database, INDICATOR, spec).queryKey);
        expect(years, `${code} ${group} years`).toEqual(await compareYears(db, INDICATOR, spec));
        expect(client.getQueryData(peerMembersQuery(database, spec).queryKey), `${code} ${group} members`).toBeDefined();
        // The year and years fetched as CompareView resolves them when the URL names none.
        const year = resolveYear(years!, null);
        const wanted = yearsToFetch(year, 1, resolveFrom(years!, year, null));
        if (wanted.length === 0) continue;
        const figures = client.getQueryData(compareFiguresQuery(database, INDICATOR, wanted, spec).queryKey);
        expect(figures, `${code} ${group} figures`).toEqual(await compareFigures(db, INDICATOR, wanted, spec));
        if (figures!.length > 1) withFigures += 1;
      }
    }
    // The shipped data must give rankings to compare, or the test proves nothing.
    expect(withFigures).toBeGreaterThan(4);
  });

  it('resolves the indicator as Compare does when the URL names none (the latest coverage decides)', async () => {
    const client = new QueryClient();
    const database = databaseOver('csv', []);
    await runPlan(client, likelyCompareSteps(database, { ...context, indicator: null }, []));
    const expected = resolveIndicator(context.indicators, await latestYearCoverage(db), null);
    expect(expected).not.toBe(INDICATOR);
    const place = (await listPlaces(db)).find((p) => p.region_code === DEFAULT_FOCUS)!;
    const spec: PeerSpec = { group: 'all', focus: DEFAULT_FOCUS, custom: [], level: resolvePeerLevel(null, place) };
    expect(client.getQueryData(compareYearsQuery(database, expected, spec).queryKey)).toEqual(await compareYears(db, expected!, spec));
    expect(client.getQueryData(compareYearsQuery(database, INDICATOR, spec).queryKey)).toBeUndefined();
  });

  it('fetches no figures on a partitioned dataset without tiles, only members and years', async () => {
    const client = new QueryClient();
    const loads: string[] = [];
    await runPlan(client, likelyCompareSteps(databaseOver('hive-parquet', loads), context, DRAWN));
    const cached = client.getQueryCache().getAll().map((q) => String(q.queryKey[0]));
    expect(cached).toContain('compare-years');
    expect(cached).toContain('peer-members');
    expect(cached).not.toContain('compare-figures');
  });
});

describe("Trends' idle plan: Compare as its tab opens it, early", () => {
  it('prefetches the place Compare opens on, in the reader’s group, before the Trends states of the other indicators', async () => {
    const client = new QueryClient();
    const database = databaseOver('csv', []);
    const indicators = await listIndicators(db);
    const regions = (await regionsWithIndicators(db, [INDICATOR])).get(INDICATOR)!;
    const regionCodes = chosenRegionCodes(regions, null);
    const plan = trendsPrefetchPlan(database, {
      indicators, indicatorId: INDICATOR, chosen: null, regions, regionCodes, partYearChoice: null, shownObsIds: [],
      app: { indicator: INDICATOR, focus: null, peers: 'prefecture', regions: null, level: null, tol: null, year: null, from: null },
    });
    // The order in which the plan's answers land in the cache.
    const landed: string[] = [];
    client.getQueryCache().subscribe((event) => { if (event.type === 'added') landed.push(JSON.stringify(event.query.queryKey)); });
    await runPlan(client, plan);
    const place = (await listPlaces(db)).find((p) => p.region_code === DEFAULT_FOCUS)!;
    const spec: PeerSpec = { group: 'prefecture', focus: DEFAULT_FOCUS, custom: [], level: resolvePeerLevel(null, place) };
    const years = await compareYears(db, INDICATOR, spec);
    const year = resolveYear(years, null);
    const wanted = yearsToFetch(year, 1, resolveFrom(years, year, null));
    const figures = JSON.stringify(compareFiguresQuery(database, INDICATOR, wanted, spec).queryKey);
    // The first thing a neighbouring indicator's trend step adds: the place presets of the drawn first place.
    const presets = JSON.stringify(peerMembersQuery(database, { group: 'prefecture', focus: regionCodes[0]!, custom: [] }).queryKey);
    expect(landed).toContain(figures);
    expect(landed).toContain(presets);
    expect(landed.indexOf(figures)).toBeLessThan(landed.indexOf(presets));
    expect(client.getQueryData(compareFiguresQuery(database, INDICATOR, wanted, spec).queryKey)).toEqual(await compareFigures(db, INDICATOR, wanted, spec));
  });
});
