import { describe, expect, it } from 'vitest';
import { LISTED_PLACES, listedRegions } from '../../src/features/trends/listed-regions.ts';

const places = (n: number) => Array.from({ length: n }, (_, i) => ({ region_code: String(110000 + i) }));

describe('the Trends picker lists a bounded number of places', () => {
  it('lists every place of a small dataset (the shipped 40), in order', () => {
    const shown = places(40);
    expect(listedRegions(shown, new Set())).toBe(shown);
  });

  it('lists the first places of a nation and every chosen place beyond them, once each', () => {
    const shown = places(2846);
    const chosen = new Set([shown[3]!.region_code, shown[2500]!.region_code, shown[2845]!.region_code]);
    const listed = listedRegions(shown, chosen);
    expect(listed.length).toBe(LISTED_PLACES + 2);
    expect(listed.slice(0, LISTED_PLACES)).toEqual(shown.slice(0, LISTED_PLACES));
    expect(listed.slice(LISTED_PLACES).map((r) => r.region_code)).toEqual([shown[2500]!.region_code, shown[2845]!.region_code]);
    expect(new Set(listed.map((r) => r.region_code)).size).toBe(listed.length);
    for (const code of chosen) expect(listed.some((r) => r.region_code === code)).toBe(true);
  });
});
