import { describe, expect, it } from 'vitest';
import { MAX_BARS, barsToDraw } from '../../src/charts/compare-bars.ts';

const places = (n: number) => Array.from({ length: n }, (_, i) => ({ region_code: String(100000 + i) }));
const codes = (rows: { region_code: string }[]) => rows.map((r) => Number(r.region_code) - 100000);

describe('barsToDraw', () => {
  it('draws every place of a group that fits', () => {
    expect(barsToDraw(places(MAX_BARS), '100003')).toHaveLength(MAX_BARS);
  });

  it('draws the ends and the focal place\'s neighbourhood of a national group, in rank order', () => {
    const drawn = codes(barsToDraw(places(2789), '100432', 25, 12));
    expect(drawn).toEqual([
      ...Array.from({ length: 25 }, (_, i) => i),
      ...Array.from({ length: 25 }, (_, i) => 420 + i),
      ...Array.from({ length: 25 }, (_, i) => 2764 + i),
    ]);
  });

  it('merges overlapping parts (focal place near the top) and still draws the bottom', () => {
    const drawn = codes(barsToDraw(places(500), '100005', 25, 12));
    expect(drawn).toEqual([...Array.from({ length: 25 }, (_, i) => i), ...Array.from({ length: 25 }, (_, i) => 475 + i)]);
  });

  it('draws only the ends when the focal place has no figure', () => {
    expect(barsToDraw(places(500), 'nowhere', 25, 12)).toHaveLength(50);
  });
});
