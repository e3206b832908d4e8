import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankSentence } from '../../src/charts/compare-bars.ts';
import { compareFigures, type CompareFigure } from '../../src/db/queries/compare.ts';
import { LEVELS_OF_TIER, peerMembers, resolvePeerLevel, tierOf, type PeerSpec } from '../../src/db/queries/peers.ts';
import { absenceOf, placeTexts } from '../../src/db/queries/place-reports.ts';
import { peerStandings } from '../../src/db/queries/profile.ts';
import { clampTolerance, nearestWithin, placeYears, yearsWithin } from '../../src/db/queries/year-tolerance.ts';
import { compareModel, yearsToFetch } from '../../src/features/shared/data/compare-model.ts';
import { COMPARE_MESSAGES } from '../../src/features/i18n/views/compare.ts';
import { TEXT } from '../charts/compare-text.ts';
import { addCompareRows } from './compare-fixture.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';

const fig = (region_code: string, year: number, value: number, over: Partial<CompareFigure> = {}): CompareFigure => ({
  obs_id: `obs-${region_code}-${year}-${over.period ?? 'year'}`, region_code, region_name: `地${region_code}`, name_pinyin: '', year, period: 'year', value, unit: '%',
  approx: 'exact', value_kind: 'reported', flags: [], n_candidates: 1, report_id: 'fake', ...over,
});

describe('year tolerance (pure)', () => {
  it('reads the tolerance from the URL as 0–3, 1 otherwise', () => {
    expect([0, 1, 2, 3].map(clampTolerance)).toEqual([0, 1, 2, 3]);
    expect([null, -1, 4, 1.5].map(clampTolerance)).toEqual([1, 1, 1, 1]);
    expect(yearsWithin(2025, 1)).toEqual([2024, 2025, 2026]);
    expect(yearsWithin(2025, 0)).toEqual([2025]);
  });

  it("takes each place's nearest whole-year figure in range, the later at equal distance, never a part-year one", () => {
    const figures = [
      fig('a', 2025, 90), fig('a', 2024, 80), // the exact year wins
      fig('b', 2024, 70), fig('b', 2026, 75), // equal distance: the later
      fig('c', 2023, 60), // out of range at ±1
      fig('d', 2025, 99, { period: '2025-01/2025-06' }), fig('d', 2024, 50), // a whole year one year off beats a part of the year itself
      fig('e', 2025, 95, { period: '2025-Q1' }), // only part-year: listed, not chosen
    ];
    const { chosen, partYear } = nearestWithin(figures, 2025, 1);
    expect(chosen.map((f) => [f.region_code, f.year, f.value]).sort()).toEqual([['a', 2025, 90], ['b', 2026, 75], ['d', 2024, 50]]);
    expect(partYear.map((f) => f.region_code)).toEqual(['e']);
    expect(nearestWithin(figures, 2025, 2).chosen.map((f) => f.region_code).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(nearestWithin(figures, 2025, 0).chosen.map((f) => f.region_code)).toEqual(['a']);
  });

  it('fetches the range, the year before and the first year of the two-year view', () => {
    expect(yearsToFetch(2025, 1, 2021)).toEqual([2021, 2024, 2025, 2026]);
    expect(yearsToFetch(2025, 0, null)).toEqual([2024, 2025]);
    expect(yearsToFetch(null, 1, null)).toEqual([]);
  });

  it('never ranks one place alone, and names figures of another year', () => {
    const model = compareModel([fig('a', 2025, 99), fig('b', 2024, 98.4)], 2025, 1, null, 'a', 'higher');
    expect(rankSentence(model.ranked, 'a', '甲', TEXT, { target: 2025, tolerance: 1 })).toBe('甲:第 1 位,共 2 个地区 · 地b为2024年数字');
    const alone = compareModel([fig('a', 2025, 99), fig('b', 2022, 98.4)], 2025, 1, null, 'a', 'higher');
    expect(alone.ranked).toHaveLength(1);
    expect(rankSentence(alone.ranked, 'a', '甲', TEXT, { target: 2025, tolerance: 1 })).toBe('无法排名:只有甲有2024–2026年的数字');
    // The two-year view stays strict: a change between two years is between those years.
    const two = compareModel([fig('a', 2025, 99), fig('a', 2023, 90), fig('b', 2024, 80), fig('b', 2023, 70)], 2025, 1, 2023, 'a', 'higher');
    expect(two.pairing!.pairs.map((p) => p.region_code)).toEqual(['a']);
    expect(two.prior).toBeUndefined();
  });
});

describe('peer levels', () => {
  it('maps every level the pipeline writes to a tier', () => {
    expect(tierOf('county')).toBe('county');
    expect(tierOf('district')).toBe('county');
    expect(tierOf('county-level city')).toBe('county');
    expect(tierOf('prefecture-level city')).toBe('prefecture');
    expect(tierOf('autonomous prefecture')).toBe('prefecture');
    expect(tierOf('municipality')).toBe('province');
    expect(tierOf('')).toBeNull();
    for (const levels of Object.values(LEVELS_OF_TIER)) for (const l of levels) expect(l).not.toContain(',');
    expect(resolvePeerLevel(null, { level: 'county' })).toBe('county');
    expect(resolvePeerLevel('all', { level: 'county' })).toBe('all');
    expect(resolvePeerLevel(null, { level: '' })).toBe('all');
  });

  describe('in the database', () => {
    let db: NodeDb;
    beforeAll(async () => {
      db = await openNodeDb();
      await addCompareRows(db);
      await db.exec(`INSERT INTO regions (region_code, region_name, name_pinyin, level, prefecture_code, prefecture_name, province_code, province_name)
        VALUES ('990100', '测试市', 'Ceshishi', 'prefecture-level city', '990100', '测试市', '990000', '测试省')`);
    });
    afterAll(() => db.close());
    const spec = (group: PeerSpec['group'], level: PeerSpec['level'], focus = '990001'): PeerSpec => ({ group, focus, custom: ['990100'], level });

    it('limits the prefecture, province and all groups to the tier; the own list is taken as chosen', async () => {
      expect(await peerMembers(db, spec('province', 'all'))).toContain('990100');
      expect(await peerMembers(db, spec('province', 'county'))).toEqual(['990001', '990002', '990003', '990004', '990201']);
      expect(await peerMembers(db, spec('all', 'prefecture'))).toEqual(['990001', '990100']); // the focal place always stays
      expect(await peerMembers(db, spec('custom', 'county'))).toEqual(['990001', '990100']);
    });
  });
});

describe('灵丘县 among its 大同市 peers (the shipped dataset)', () => {
  let real: NodeDb;
  beforeAll(async () => { real = await openNodeDb(join(import.meta.dirname, '..', '..', 'public', 'data')); });
  afterAll(() => real.close());
  const datong: PeerSpec = { group: 'prefecture', focus: '140224', custom: [], level: 'county' };

  it("ranks 灵丘县's 2025 调解成功率 with 广灵县's 2024 figure, labelled, and says a median needs three places", async () => {
    const figures = await compareFigures(real, 'mediation.success_rate', yearsToFetch(2025, 1, null), datong);
    const model = compareModel(figures, 2025, 1, null, '140224', 'higher');
    expect(model.ranked.map((r) => [r.region_name, r.year])).toEqual([['灵丘县', 2025], ['广灵县', 2024]]);
    expect(model.spread!.meaningful).toBe(false);
    expect(model.prior).toBeUndefined(); // no 2024 figure for 灵丘县: no year-on-year change
    const zh = COMPARE_MESSAGES.zh.compareChart;
    expect(rankSentence(model.ranked, '140224', '灵丘县', zh, { target: 2025, tolerance: 1 })).toBe('灵丘县:第 1 位,共 2 个地区 · 广灵县为 2024 年数字');
    // Same year only: one place, so no ranking, and the other places' years are listed instead.
    const strict = compareModel(figures, 2025, 0, null, '140224', 'higher');
    expect(rankSentence(strict.ranked, '140224', '灵丘县', zh, { target: 2025, tolerance: 0 })).toBe('无法排名:对比组中只有灵丘县有 2025 年的全年数字');
    const years = await placeYears(real, 'mediation.success_rate', datong);
    expect(years.find((p) => p.region_name === '广灵县')).toMatchObject({ whole_years: [2024], part_years: [] });
  });

  it('gives the same standing in Profile', async () => {
    const rate = (await peerStandings(real, datong, 1)).find((s) => s.indicator_id === 'mediation.success_rate');
    expect(rate).toMatchObject({ year: 2025, n: 2, n_below: 1, n_above: 0, other_years: [{ region_name: '广灵县', name_pinyin: 'Guangling', year: 2024 }] });
    expect((await peerStandings(real, datong, 0)).find((s) => s.indicator_id === 'mediation.success_rate')).toMatchObject({ n: 1 });
  });

  it('knows which places we hold only excerpts of', async () => {
    expect(absenceOf(await placeTexts(real, '140224'))).toEqual({ kind: 'not-reported', years: [2025] });
    expect(absenceOf(await placeTexts(real, '140223'))).toEqual({ kind: 'not-in-excerpt', years: [2024] });
    expect(absenceOf(await placeTexts(real, '999999'))).toEqual({ kind: 'no-text' });
  });
});
