/** The Trends indicator search matches pinyin initials computed with pinyin-pro as the picker does. */
import { pinyin } from 'pinyin-pro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIndicators } from '../../src/db/queries/indicators.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';

let db: NodeDb;
beforeAll(async () => { db = await openNodeDb(); });
afterAll(() => db.close());

const initials = (name: string) => pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();

describe('indicator pinyin initials', () => {
  it('reads 调 in 调解 as tiao', () => {
    expect(initials('调解成功率')).toBe('tjcgl');
  });
  it('gives every catalog indicator Latin initials', async () => {
    for (const i of await listIndicators(db)) expect(initials(i.name_zh), i.indicator_id).toMatch(/^[a-z0-9%]+/);
  });
});
