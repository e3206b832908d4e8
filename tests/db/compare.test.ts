import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changeBetween, compareFigures, compareYears, latestYearCoverage, pairYears, quantile, rankDirection, rankFigures,
  spreadOf, splitWholeYear, type CompareFigure,
} from '../../src/db/queries/compare.ts';
import { applicableGroups, listPlaces, peerMembers, placeMatches, type PeerSpec } from '../../src/db/queries/peers.ts';
import { addCompareRows } from './compare-fixture.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';

let db: NodeDb;
beforeAll(async () => { db = await openNodeDb(); await addCompareRows(db); });
afterAll(() => db.close());

const spec = (group: PeerSpec['group'], focus = '990001', custom: string[] = []): PeerSpec => ({ group, focus, custom });

describe('peer groups are a query over regions', () => {
  it('same prefecture, same province, all, custom — the focal place always included', async () => {
    expect(await peerMembers(db, spec('prefecture'))).toEqual(['990001', '990002', '990003', '990004']);
    expect(await peerMembers(db, spec('province'))).toEqual(['990001', '990002', '990003', '990004', '990201']);
    expect(await peerMembers(db, spec('all'))).toEqual(['980001', '990001', '990002', '990003', '990004', '990201']);
    expect(await peerMembers(db, spec('custom', '990001', ['980001']))).toEqual(['980001', '990001']);
    expect(await peerMembers(db, spec('custom', '990001', []))).toEqual(['990001']);
  });

  it('gives a place without a prefecture no "same prefecture" peers but itself', async () => {
    expect(await peerMembers(db, spec('prefecture', '990201'))).toEqual(['990201']);
    const places = await listPlaces(db);
    const xuni = places.find((p) => p.region_code === '990201');
    expect(xuni).toMatchObject({ prefecture_code: '', province_code: '990000', pinyin_full: '' });
    expect(applicableGroups(xuni)).toEqual({ prefecture: false, province: true, all: true, custom: true });
    expect(applicableGroups(places.find((p) => p.region_code === '990001')).prefecture).toBe(true);
  });

  it('binds the custom list and the focus, never interpolates them', async () => {
    expect(await peerMembers(db, spec('custom', "x' OR 1=1 --", ["990001' OR 1=1"]))).toEqual(["x' OR 1=1 --"]);
  });

  it('finds places by name, pinyin, initials or code', async () => {
    const places = await listPlaces(db);
    const find = (typed: string) => places.filter((p) => placeMatches(p, typed)).map((p) => p.region_code);
    expect(find('样例')).toEqual(['990002']);
    expect(find('ce shi')).toEqual(['990001']);
    expect(find('99020')).toEqual(['990201']);
    expect(find('')).toHaveLength(places.length);
  });
});

describe('compareFigures', () => {
  it('chooses one figure per place by the pick rule: the whole year over a part-year, printed over derived', async () => {
    const rows = await compareFigures(db, 'mediation.success_rate', [2021, 2022], spec('all'));
    const brief = (r: CompareFigure) => [r.year, r.region_code, r.value, r.period, r.n_candidates];
    expect(rows.map(brief)).toEqual([
      [2021, '980001', 72, 'year', 1],
      [2021, '990001', 95, 'year', 2],
      [2021, '990003', 85, 'year', 1],
      [2022, '980001', 70, 'year', 1],
      [2022, '990001', 90, 'year', 2],
      [2022, '990002', 88, 'year', 1], // its qualitative row is not a candidate
      [2022, '990003', 88, 'year', 1],
      [2022, '990004', 80, '2022-01/2022-06', 1],
      [2022, '990201', 95, 'year', 1],
    ]);
    expect(rows.find((r) => r.region_code === '990002')).toMatchObject({ region_name: '样例县', name_pinyin: 'Yangli', approx: 'about', flags: [] });
  });

  it('keeps only the peer group', async () => {
    const rows = await compareFigures(db, 'mediation.success_rate', [2022], spec('prefecture'));
    expect(rows.map((r) => r.region_code)).toEqual(['990001', '990002', '990003', '990004']);
    expect(await compareFigures(db, 'mediation.success_rate', [], spec('all'))).toEqual([]);
  });

  it('splits off part-year figures, which are not ranked', async () => {
    const rows = await compareFigures(db, 'mediation.success_rate', [2022], spec('prefecture'));
    const { whole, partYear } = splitWholeYear(rows);
    expect(whole.map((r) => r.region_code)).toEqual(['990001', '990002', '990003']);
    expect(partYear.map((r) => r.region_code)).toEqual(['990004']);
  });
});

describe('compareYears', () => {
  it('lists the years with data, latest first, with how many places have a whole-year or only a part-year figure', async () => {
    expect(await compareYears(db, 'mediation.success_rate', spec('prefecture'))).toEqual([
      { year: 2024, n_whole: 1, n_part_only: 0, focus_whole: true },
      { year: 2023, n_whole: 0, n_part_only: 1, focus_whole: false },
      { year: 2022, n_whole: 3, n_part_only: 1, focus_whole: true },
      { year: 2021, n_whole: 2, n_part_only: 0, focus_whole: true },
      { year: 2020, n_whole: 1, n_part_only: 0, focus_whole: true },
    ]);
    expect(await compareYears(db, 'mediation.success_rate', spec('custom', '990002'))).toEqual([{ year: 2022, n_whole: 1, n_part_only: 0, focus_whole: true }]);
  });

  it('finds, for each indicator, its latest whole-year year and how many places report it', async () => {
    const rows = await latestYearCoverage(db);
    expect(rows[0]).toEqual({ indicator_id: 'mediation.cases', year: 2020, n_places: 3 });
    expect(rows.find((r) => r.indicator_id === 'mediation.success_rate')).toEqual({ indicator_id: 'mediation.success_rate', year: 2024, n_places: 1 });
  });
});

const fig = (region_code: string, value: number, over: Partial<CompareFigure> = {}): CompareFigure => ({
  obs_id: region_code, region_code, region_name: region_code, name_pinyin: '', year: 2022, period: 'year', value, unit: '%',
  approx: 'exact', value_kind: 'reported', flags: [], n_candidates: 1, report_id: 'fake-report', ...over,
});

describe('rankFigures', () => {
  it('ranks best first; equal values share a rank and the next is skipped', () => {
    const ranked = rankFigures([fig('a', 88), fig('b', 95), fig('c', 88), fig('d', 70)], 'higher');
    expect(ranked.map((r) => [r.region_code, r.rank, r.tied])).toEqual([['b', 1, false], ['a', 2, true], ['c', 2, true], ['d', 4, false]]);
  });

  it('marks a figure tied exactly when another figure shares its rank (checked pairwise over 500 figures with many ties)', () => {
    const figures = Array.from({ length: 500 }, (_, i) => fig(`p${String(i).padStart(3, '0')}`, (i * 37) % 61));
    for (const direction of ['higher', 'lower'] as const) {
      const ranked = rankFigures(figures, direction);
      expect(ranked.filter((r) => r.tied).length).toBeGreaterThan(400);
      for (const r of ranked) expect(r.tied).toBe(ranked.some((o) => o !== r && o.rank === r.rank));
    }
    expect(rankFigures([fig('a', 1), fig('b', 2), fig('c', 3)], 'higher').map((r) => r.tied)).toEqual([false, false, false]);
  });

  it('ranks the smallest first when less is better, and by size when neither is better', () => {
    expect(rankFigures([fig('a', 3), fig('b', 1)], 'lower').map((r) => r.region_code)).toEqual(['b', 'a']);
    expect(rankFigures([fig('a', 3), fig('b', 1)], 'size').map((r) => r.region_code)).toEqual(['a', 'b']);
    expect([rankDirection(true), rankDirection(false), rankDirection(null)]).toEqual(['higher', 'lower', 'size']);
  });
});

describe('spreadOf', () => {
  it('gives median and quartiles by linear interpolation, meaningful from three places', () => {
    expect(spreadOf([70, 88, 88, 90, 95])).toEqual({ n: 5, median: 88, q1: 88, q3: 90, meaningful: true });
    expect(spreadOf([1, 2, 3, 4])).toMatchObject({ median: 2.5, q1: 1.75, q3: 3.25 });
    expect(spreadOf([84.8, 99.98])).toMatchObject({ n: 2, meaningful: false });
    expect(spreadOf([])).toBeNull();
    expect(quantile([5], 0.25)).toBe(5);
  });
});

describe('pairYears', () => {
  it('pairs places with whole-year figures in both years and lists those with only one', async () => {
    const [from, to] = await Promise.all([2021, 2022].map((y) => compareFigures(db, 'mediation.success_rate', [y], spec('all'))));
    const { pairs, onlyFrom, onlyTo } = pairYears(from!, to!);
    expect(pairs.map((p) => [p.region_code, p.from.value, p.to.value])).toEqual([['980001', 72, 70], ['990001', 95, 90], ['990003', 85, 88]]);
    expect(onlyFrom).toEqual([]);
    expect(onlyTo.map((f) => f.region_code)).toEqual(['990002', '990201']); // 990004 is part-year only: in neither
  });

  it('computes a change with its relative size, none from zero', () => {
    expect(changeBetween(80, 90)).toEqual({ from: 80, to: 90, delta: 10, relative: 12.5 });
    expect(changeBetween(0, 5).relative).toBeNull();
  });
});

describe('against the shipped dataset (public/data)', () => {
  let real: NodeDb;
  beforeAll(async () => { real = await openNodeDb(join(import.meta.dirname, '..', '..', 'public', 'data')); });
  afterAll(() => real.close());

  it('reads the pinyin columns for the place picker and gives municipal districts no prefecture', async () => {
    const places = await listPlaces(real);
    const lingqiu = places.find((p) => p.region_code === '140224');
    expect(lingqiu).toMatchObject({ region_name: '灵丘县', prefecture_code: '140200', province_code: '140000' });
    expect(placeMatches(lingqiu!, 'lingqiu')).toBe(true);
    const chaoyang = places.find((p) => p.region_code === '110105')!;
    expect(chaoyang.prefecture_code).toBe('');
    expect(await peerMembers(real, spec('prefecture', '110105'))).toEqual(['110105']);
    expect((await peerMembers(real, spec('prefecture', '140224'))).length).toBeGreaterThan(1);
  });

  it('ranks whole-year figures only and says which places had only part-year ones', async () => {
    const years = await compareYears(real, 'hotline.satisfaction_rate', spec('all', '140224'));
    expect(years.length).toBeGreaterThan(0);
    for (const y of years) expect(y.n_whole + y.n_part_only).toBeGreaterThan(0);
    const year = years.find((y) => y.n_whole > 0)!.year;
    const rows = await compareFigures(real, 'hotline.satisfaction_rate', [year], spec('all', '140224'));
    const { whole, partYear } = splitWholeYear(rows);
    expect(whole.length).toBe(years.find((y) => y.year === year)!.n_whole);
    expect(partYear.length).toBe(years.find((y) => y.year === year)!.n_part_only);
    expect(new Set(rows.map((r) => r.region_code)).size).toBe(rows.length);
  });
});
