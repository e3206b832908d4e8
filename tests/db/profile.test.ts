import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIndicators } from '../../src/db/queries/indicators.ts';
import type { PeerSpec } from '../../src/db/queries/peers.ts';
import { datasetYears, peerStandings, percentileOf, profileFigures, profileFiguresOfPlaces, rankOf, summarise } from '../../src/db/queries/profile.ts';
import { addCompareRows } from './compare-fixture.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';

let db: NodeDb;
beforeAll(async () => { db = await openNodeDb(); await addCompareRows(db); });
afterAll(() => db.close());

const spec = (group: PeerSpec['group'], focus = '990001'): PeerSpec => ({ group, focus, custom: [] });

describe('profileFigures', () => {
  it('gives one figure per indicator and year, chosen by the pick rule', async () => {
    const rows = await profileFigures(db, '990001');
    expect(rows.map((r) => [r.indicator_id, r.year, r.value, r.period, r.value_kind])).toEqual([
      ['mediation.cases', 2019, 1000, 'year', 'reported'],
      ['mediation.cases', 2020, 1234, 'year', 'reported'],
      ['mediation.success_rate', 2020, 90.5, 'year', 'reported'],
      ['mediation.success_rate', 2021, 95, 'year', 'reported'],
      ['mediation.success_rate', 2022, 90, 'year', 'reported'],
      ['mediation.success_rate', 2023, 97.2, '2023-01/2023-08', 'reported'],
      ['mediation.success_rate', 2024, 96, 'year', 'derived'],
    ]);
    expect(rows.at(-1)!.flags.length).toBe(2);
    expect(await profileFigures(db, 'nowhere')).toEqual([]);
  });

  it('gives each place of a list exactly its own figures in one statement (the prefetch of likely profiles)', async () => {
    const codes = (await db.query<{ region_code: string }>('SELECT DISTINCT region_code FROM observations ORDER BY region_code')).map((r) => r.region_code);
    expect(codes.length).toBeGreaterThan(3);
    const byPlace = await profileFiguresOfPlaces(db, [...codes, 'nowhere']);
    expect([...byPlace.keys()]).toEqual([...codes, 'nowhere']);
    for (const code of codes) expect(byPlace.get(code)).toEqual(await profileFigures(db, code));
    expect(byPlace.get('990001')!.length).toBe(7);
    expect(byPlace.get('nowhere')).toEqual([]);
    expect(await profileFiguresOfPlaces(db, [])).toEqual(new Map());
  });

  it('knows the years of the dataset, for sparklines that line up', async () => {
    expect(await datasetYears(db)).toEqual([2019, 2024]);
  });
});

describe('peerStandings', () => {
  it("places the latest whole-year figure among the peers' whole-year figures of that year", async () => {
    const rows = await peerStandings(db, spec('prefecture'));
    expect(rows).toEqual([
      { indicator_id: 'mediation.cases', year: 2020, value: 1234, n: 3, n_below: 1, n_above: 1, median: 1234, other_years: [] },
      { indicator_id: 'mediation.success_rate', year: 2024, value: 96, n: 1, n_below: 0, n_above: 0, median: 96, other_years: [] },
    ]);
  });

  it("compares with each peer's whole-year figure nearest the place's year, within the tolerance, naming other years", async () => {
    // 测试县's latest whole-year rate is 2024 (96*); peers have whole-year figures only in 2022 (样例县 ≈88, 演示区 88).
    const within = async (tolerance: number) => (await peerStandings(db, spec('prefecture'), tolerance)).find((r) => r.indicator_id === 'mediation.success_rate');
    expect(await within(1)).toMatchObject({ year: 2024, n: 1, other_years: [] });
    expect(await within(2)).toEqual({
      indicator_id: 'mediation.success_rate', year: 2024, value: 96, n: 3, n_below: 2, n_above: 0, median: 88,
      other_years: [{ region_name: '样例县', name_pinyin: 'Yangli', year: 2022 }, { region_name: '演示区', name_pinyin: 'Yanshi', year: 2022 }],
    });
    // 示范县 has only a part-year figure in range: never compared.
    expect((await within(3))!.n).toBe(3);
  });

  it('ranks by the indicator direction, ties sharing the better rank', () => {
    expect(rankOf({ n_below: 2, n_above: 0 }, 'higher')).toBe(1);
    expect(rankOf({ n_below: 2, n_above: 0 }, 'lower')).toBe(3);
    expect(rankOf({ n_below: 0, n_above: 1 }, 'size')).toBe(2);
  });

  it('follows the peer group', async () => {
    // 演示区: latest whole-year success rate is 2022 (88); peers that year: 70, 88, 88, 90, 95 (990004 is part-year only).
    expect(await peerStandings(db, spec('prefecture', '990201'))).toEqual([
      { indicator_id: 'mediation.success_rate', year: 2022, value: 95, n: 1, n_below: 0, n_above: 0, median: 95, other_years: [] },
    ]);
    const rate = (await peerStandings(db, spec('all', '990003'))).find((r) => r.indicator_id === 'mediation.success_rate');
    expect(rate).toEqual({ indicator_id: 'mediation.success_rate', year: 2022, value: 88, n: 5, n_below: 1, n_above: 2, median: 88, other_years: [] });
    expect(await peerStandings(db, spec('all', ''))).toEqual([]);
  });
});

describe('percentileOf', () => {
  it('is the mid-rank percentile by value, undefined below two figures', () => {
    expect(percentileOf({ n: 3, n_below: 1, n_above: 1 })).toBe(50);
    expect(percentileOf({ n: 5, n_below: 4, n_above: 0 })).toBe(100);
    expect(percentileOf({ n: 5, n_below: 0, n_above: 4 })).toBe(0);
    expect(percentileOf({ n: 5, n_below: 1, n_above: 2 })).toBe(37.5); // tied with one other: half a step up
    expect(percentileOf({ n: 1, n_below: 0, n_above: 0 })).toBeNull();
  });
});

describe('summarise', () => {
  it('lists every catalog indicator, the ones not reported with an empty series', async () => {
    const catalog = (await listIndicators(db)).map((i) => i.indicator_id);
    const [figures, standings] = await Promise.all([profileFigures(db, '990001'), peerStandings(db, spec('prefecture'))]);
    const rows = summarise(catalog, figures, standings);
    expect(rows.map((r) => [r.indicator_id, r.series.length])).toEqual([
      ['admin_review.received', 0], ['mediation.cases', 2], ['mediation.success_rate', 5], ['hotline.tickets', 0],
    ]);
    const cases = rows[1]!;
    expect(cases.latest?.year).toBe(2020);
    expect(cases.previous?.year).toBe(2019);
    expect(cases.change).toMatchObject({ from: 1000, to: 1234, delta: 234 });
    expect(cases.standing?.n).toBe(3);
    const rate = rows[2]!;
    // 2024 (whole year, derived) vs 2023 (part-year): the years are stated but no change is computed.
    expect(rate.latest?.year).toBe(2024);
    expect(rate.previous?.period).toBe('2023-01/2023-08');
    expect(rate.change).toBeNull();
    expect(rows[0]).toMatchObject({ latest: null, previous: null, change: null, standing: null });
  });
});

describe('against the shipped dataset (public/data)', () => {
  it('profiles 灵丘县 (140224) with a figure for the indicators it reports', async () => {
    const real = await openNodeDb(join(import.meta.dirname, '..', '..', 'public', 'data'));
    try {
      const catalog = (await listIndicators(real)).map((i) => i.indicator_id);
      const figures = await profileFigures(real, '140224');
      const standings = await peerStandings(real, { group: 'all', focus: '140224', custom: [] });
      const rows = summarise(catalog, figures, standings);
      expect(rows).toHaveLength(catalog.length);
      const reported = rows.filter((r) => r.latest);
      expect(reported.length).toBeGreaterThan(5);
      expect(rows.some((r) => !r.latest)).toBe(true);
      for (const s of standings) expect(s.n).toBeGreaterThanOrEqual(1 + s.n_below + s.n_above);
    } finally {
      real.close();
    }
  });
});
