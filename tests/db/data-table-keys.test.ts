import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataCount, dataPageAt, NO_FILTERS, SORTS, type DataFilters, type DataPage, type DataSort } from '../../src/db/queries/data-table.ts';
import { pickOrder } from '../../src/db/queries/pick.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';

/** The sort orders written as plain ORDER BY clauses (DESC, NULLS LAST), to check the key lists against. */
const PLAIN_ORDER: Record<DataSort, string> = {
  place: `o.region_code, o.year, io.ord NULLS LAST, (o.value IS NOT NULL) DESC, ${pickOrder('o')}`,
  year_desc: `o.year DESC NULLS LAST, o.region_code, io.ord NULLS LAST, (o.value IS NOT NULL) DESC, ${pickOrder('o')}`,
  indicator: `io.ord NULLS LAST, o.region_code, o.year, (o.value IS NOT NULL) DESC, ${pickOrder('o')}`,
  value_desc: `o.value DESC NULLS LAST, o.region_code, o.year, (o.value IS NOT NULL) DESC, ${pickOrder('o')}`,
};

async function plainOrder(db: NodeDb, sort: DataSort): Promise<string[]> {
  const rows = await db.query<{ obs_id: string }>(`
    SELECT o.obs_id FROM observations o LEFT JOIN (SELECT indicator_id, rowid AS ord FROM indicators) io USING (indicator_id)
    ORDER BY ${PLAIN_ORDER[sort]}`);
  return rows.map((r) => r.obs_id);
}

const ids = (page: DataPage) => page.rows.map((r) => r.obs_id);

/** Every page forwards by seeking after the last key, then backwards from the last page by seeking before the first key. */
async function walk(db: NodeDb, filters: DataFilters, sort: DataSort, size: number) {
  const total = (await dataCount(db, filters)).n_rows;
  const pages = Math.max(1, Math.ceil(total / size));
  const forward: string[][] = [];
  let page = await dataPageAt(db, filters, sort, size, { at: 'first' });
  forward.push(ids(page));
  while (page.last && forward.length < pages) {
    page = await dataPageAt(db, filters, sort, size, { at: 'after', key: page.last });
    forward.push(ids(page));
  }
  const backward: string[][] = [];
  page = await dataPageAt(db, filters, sort, size, { at: 'last', rows: total - (pages - 1) * size });
  backward.unshift(ids(page));
  while (page.first && backward.length < pages) {
    page = await dataPageAt(db, filters, sort, size, { at: 'before', key: page.first });
    backward.unshift(ids(page));
  }
  return { total, forward, backward };
}

describe('keyset pagination on the fake fixture', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openNodeDb();
    // Invented rows that make the keys' NULL handling matter: no year-rank tie-breakers, no report, no span, an unknown indicator.
    await db.exec(`INSERT INTO shipped_observations (region_code, region_name, year, period, indicator_id, value, unit, approx, value_kind, report_id, quote, span_start, span_end, publisher_kind, obs_id) VALUES
      ('990001', '测试县', 2020, 'year', 'mediation.cases', 0, '件', NULL, NULL, NULL, '【虚构】0件', NULL, NULL, NULL, 'fake-null#1'),
      ('990001', '测试县', NULL, 'year', 'not.in.catalog', -2, '件', 'exact', 'reported', 'fake-null', '【虚构】-2件', 3, 5, 'county-gov', 'fake-null#2'),
      ('990002', '样例县', 2021, '2021-03', 'mediation.cases', NULL, '件', 'exact', 'reported', 'fake-null', '【虚构】较多', 1, 2, 'county-gov', 'fake-null#3')`);
  });
  afterAll(() => db.close());

  it('sorts by the keys exactly as the plain ORDER BY does, for every sort', async () => {
    for (const sort of SORTS) {
      const all = await dataPageAt(db, NO_FILTERS, sort, 1000, { at: 'first' });
      expect(ids(all), sort).toEqual(await plainOrder(db, sort));
    }
  });

  // One case per sort and page size: a walk one row a page is a few hundred queries, and all of them in
  // one case ran into the 60 s limit on a loaded machine.
  it.each(SORTS.flatMap((sort) => [1, 4].map((size) => [sort, size] as const)))(
    'pages forwards and backwards through the same pages, every row once (sort %s, %i a page)', async (sort, size) => {
      const { total, forward, backward } = await walk(db, NO_FILTERS, sort, size);
      expect(forward.flat(), `${sort}/${size}`).toEqual(await plainOrder(db, sort));
      expect(backward, `${sort}/${size}`).toEqual(forward);
      expect(forward.flat()).toHaveLength(total);
      expect(forward.slice(0, -1).every((p) => p.length === size)).toBe(true);
    });

  it('pages the same way under a filter, and reads nothing after the last row', async () => {
    const filters = { ...NO_FILTERS, regionCodes: ['990001', '990002'], period: 'year' as const };
    const { forward, backward } = await walk(db, filters, 'year_desc', 3);
    expect(backward).toEqual(forward);
    const last = await dataPageAt(db, filters, 'year_desc', 3, { at: 'last', rows: 3 });
    expect(await dataPageAt(db, filters, 'year_desc', 3, { at: 'after', key: last.last! })).toEqual({ rows: [], first: null, last: null });
  });

  it('refuses a key of the wrong length, and gives the same rows by offset', async () => {
    await expect(dataPageAt(db, NO_FILTERS, 'place', 5, { at: 'after', key: ['990001'] })).rejects.toThrow(/sort key has \d+ values, not 1/);
    const second = await dataPageAt(db, NO_FILTERS, 'place', 5, { at: 'offset', offset: 5 });
    const first = await dataPageAt(db, NO_FILTERS, 'place', 5, { at: 'first' });
    expect(ids(await dataPageAt(db, NO_FILTERS, 'place', 5, { at: 'after', key: first.last! }))).toEqual(ids(second));
  });
});

describe('keyset pagination on the shipped dataset (public/data)', () => {
  let db: NodeDb;
  beforeAll(async () => { db = await openNodeDb(join(import.meta.dirname, '..', '..', 'public', 'data')); });
  afterAll(() => db.close());

  it('agrees with the plain ORDER BY, forwards and backwards', async () => {
    for (const sort of SORTS) {
      const { forward, backward } = await walk(db, NO_FILTERS, sort, 100);
      expect(forward.flat(), sort).toEqual(await plainOrder(db, sort));
      expect(backward, sort).toEqual(forward);
    }
  });
});
