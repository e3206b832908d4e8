import { describe, expect, it } from 'vitest';
import { placeListsInOneStatement } from '../../src/features/trends/trends-prefetch-plan.ts';

const indicator = (id: string, places: number) => ({ indicator_id: id, n_regions: places });

describe("the Trends prefetch's one statement of place lists", () => {
  it('asks for every list of the shipped data (34 indicators × at most 40 places), in the order given, once each', () => {
    const shipped = Array.from({ length: 34 }, (_, i) => indicator(`i${i}`, 40 - (i % 7)));
    const ordered = [shipped[5]!, shipped[4]!, ...shipped];
    const ids = placeListsInOneStatement(ordered);
    expect(ids.length).toBe(34);
    expect(ids.slice(0, 3)).toEqual(['i5', 'i4', 'i0']);
    expect(new Set(ids).size).toBe(34);
  });

  it('stops before a nation’s lists exceed the row budget, keeping the likeliest first', () => {
    const nation = Array.from({ length: 100 }, (_, i) => indicator(`n${i}`, 2846));
    const ids = placeListsInOneStatement(nation, 20_000);
    expect(ids).toEqual(nation.slice(0, 7).map((i) => i.indicator_id));
    expect(ids.length * 2846).toBeLessThanOrEqual(20_000);
  });

  it('still asks for one list larger than the budget', () => {
    expect(placeListsInOneStatement([indicator('big', 50_000), indicator('small', 10)], 20_000)).toEqual(['big']);
  });
});
