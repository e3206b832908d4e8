/** What the Trends place picker builds on, against the shipped dataset: search by code, pinyin and initials; presets from peer groups. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPlaces, peerMembers, placeMatches } from '../../src/db/queries/peers.ts';
import { regionsWithIndicator, regionsWithIndicators } from '../../src/db/queries/regions.ts';
import { listIndicators } from '../../src/db/queries/indicators.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';
import { BASE_MESSAGES } from '../../src/features/i18n/base-messages.ts';

let db: NodeDb;
beforeAll(async () => { db = await openNodeDb(join(import.meta.dirname, '..', '..', 'public', 'data')); });
afterAll(() => db.close());

describe('Trends place search and presets (shipped data)', () => {
  it('finds 灵丘县 by name, code, pinyin and pinyin initials', async () => {
    const places = await listPlaces(db);
    const find = (typed: string) => places.filter((p) => placeMatches(p, typed)).map((p) => p.region_code);
    for (const typed of ['灵丘', '140224', 'Lingqiu', 'lingqiuxian', 'lq']) expect(find(typed), typed).toContain('140224');
    expect(find('140224')).toEqual(['140224']);
  });

  it('"same prefecture" of 灵丘县 among places with the mediation rate holds 广灵县, not 济源市', async () => {
    const withIndicator = new Set((await regionsWithIndicator(db, 'mediation.success_rate')).map((r) => r.region_code));
    const prefecture = (await peerMembers(db, { group: 'prefecture', focus: '140224', custom: [] })).filter((c) => withIndicator.has(c));
    expect(prefecture).toContain('140224');
    expect(prefecture).toContain('140223');
    expect(prefecture).not.toContain('419001');
    const province = await peerMembers(db, { group: 'province', focus: '140224', custom: [] });
    expect(province.every((c) => c.startsWith('14'))).toBe(true);
  });

  it('never counts part-year figures as years: the four monthly 12345 snapshots of 衡东县 are no whole year', async () => {
    const hengdong = (await regionsWithIndicator(db, 'hotline.satisfaction_rate')).find((r) => r.region_code === '430424')!;
    expect(hengdong).toMatchObject({ n_years: 4, n_whole_years: 0, first_whole_year: null, last_whole_year: null, n_part_years: 4 });
    const lingqiu = (await regionsWithIndicator(db, 'hotline.satisfaction_rate')).find((r) => r.region_code === '140224')!;
    expect(lingqiu).toMatchObject({ n_whole_years: 1, first_whole_year: 2025, last_whole_year: 2025, n_part_years: 0 });
    expect(BASE_MESSAGES.zh.regionYears(0, null, null, 4)).toBe('无全年数字 · 4 个部分年度');
    expect(BASE_MESSAGES.en.regionYears(2, 2023, 2024, 1)).toBe('2 yrs (2023–2024) · 1 part-year');
  });

  it('answers several indicators in one query exactly as one at a time (the idle prefetch of the next indicators)', async () => {
    const ids = (await listIndicators(db)).map((i) => i.indicator_id);
    const batch = await regionsWithIndicators(db, [...ids, 'no.such_indicator', 'mediation.success_rate|x']);
    let places = 0;
    for (const id of ids) {
      const single = await regionsWithIndicator(db, id);
      expect(batch.get(id), id).toEqual(single);
      places += single.length;
    }
    expect(places).toBeGreaterThan(40);
    expect(batch.get('no.such_indicator')).toEqual([]);
    expect(batch.get('mediation.success_rate|x')).toEqual([]); // '|' separates the bound list: such an id is never sent
  });
});
