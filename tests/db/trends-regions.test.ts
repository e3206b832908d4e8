/** What the Trends place picker builds on, against the shipped dataset: search by code, pinyin and initials; presets from peer groups. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPlaces, peerMembers, placeMatches } from '../../src/db/queries/peers.ts';
import { regionsWithIndicator } from '../../src/db/queries/regions.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';

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
});
