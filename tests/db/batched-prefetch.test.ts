/**
 * The one-statement queries of the idle prefetch (issue 12) give each request exactly what the view's
 * own query gives it, on the test fixture and on the shipped dataset, so a prefetched cache entry is
 * the entry the view would have fetched.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIndicators } from '../../src/db/queries/indicators.ts';
import { observationSiblings, observationSiblingsOf } from '../../src/db/queries/provenance.ts';
import { trendPoints, trendPointsOfIndicators } from '../../src/db/queries/trend.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';

const SHIPPED = join(import.meta.dirname, '..', '..', 'public', 'data');
const dbs: Record<'fixture' | 'shipped', NodeDb> = {} as Record<'fixture' | 'shipped', NodeDb>;
beforeAll(async () => { dbs.fixture = await openNodeDb(); dbs.shipped = await openNodeDb(SHIPPED); });
afterAll(async () => { await dbs.fixture.close(); await dbs.shipped.close(); });

const placesOf = async (db: NodeDb, indicatorId: string) =>
  (await db.query<{ region_code: string }>('SELECT DISTINCT region_code FROM observations WHERE indicator_id = ? ORDER BY region_code', [indicatorId])).map((r) => r.region_code);

describe.each(['fixture', 'shipped'] as const)('trendPointsOfIndicators on the %s dataset', (name) => {
  it('gives every indicator, each with its own places, exactly trendPoints', async () => {
    const db = dbs[name];
    const indicators = (await listIndicators(db)).filter((i) => i.n_values > 0);
    expect(indicators.length).toBeGreaterThan(1);
    // Each indicator with all its places, and with its first two only (a request's places filter the batch).
    const requests = [];
    for (const i of indicators) {
      const codes = await placesOf(db, i.indicator_id);
      requests.push({ indicatorId: i.indicator_id, regionCodes: codes }, { indicatorId: i.indicator_id, regionCodes: codes.slice(0, 2) });
    }
    const batched = await trendPointsOfIndicators(db, requests);
    expect(batched).toHaveLength(requests.length);
    let points = 0;
    for (const [k, r] of requests.entries()) {
      const single = await trendPoints(db, r.indicatorId, r.regionCodes);
      expect(batched[k], `${r.indicatorId} ${r.regionCodes.join(',')}`).toEqual(single);
      points += single.length;
    }
    expect(points).toBeGreaterThan(5);
  });
});

describe.each(['fixture', 'shipped'] as const)('observationSiblingsOf on the %s dataset', (name) => {
  it('gives every observation exactly its source panel rows (observationSiblings)', async () => {
    const db = dbs[name];
    // Every row of the fixture; every third of the shipped data (one query each to compare with takes time).
    const ids = (await db.query<{ obs_id: string }>('SELECT obs_id FROM observations ORDER BY obs_id')).map((r) => r.obs_id)
      .filter((_, k) => name === 'fixture' || k % 3 === 0);
    const batched = await observationSiblingsOf(db, [...ids, 'no-such-row']);
    expect(batched.get('no-such-row')).toEqual([]);
    let withCompetitors = 0;
    for (const id of ids) {
      const single = await observationSiblings(db, id);
      expect(single.length).toBeGreaterThan(0);
      expect(batched.get(id), id).toEqual(single);
      if (single.length > 1) withCompetitors += 1;
    }
    // The batch must keep each panel's rows apart and in pick order, which only rows with competitors show.
    expect(withCompetitors).toBeGreaterThan(0);
  });
});

describe('trendPointsOfIndicators', () => {
  it('answers nothing for no places, and null for ids it cannot bind (the view asks trendPoints for those)', async () => {
    expect(await trendPointsOfIndicators(dbs.fixture, [{ indicatorId: 'mediation.success_rate', regionCodes: [] }])).toEqual([[]]);
    expect(await trendPointsOfIndicators(dbs.fixture, [{ indicatorId: 'a|b', regionCodes: ['990001'] }, { indicatorId: 'mediation.success_rate', regionCodes: ['990002'] }]))
      .toEqual([null, await trendPoints(dbs.fixture, 'mediation.success_rate', ['990002'])]);
  });
});
