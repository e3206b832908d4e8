/** What the Trends view draws and lists for the reader's choices (trend-display.ts). */
import { describe, expect, it } from 'vitest';
import type { TrendPoint } from '../../src/db/queries/trend.ts';
import { placesNotDrawn, trendDisplay } from '../../src/features/trends/trend-display.ts';

const point = (region_code: string, year: number, value: number, over: Partial<TrendPoint> = {}): TrendPoint => ({
  obs_id: `${region_code}-${year}`, region_code, region_name: region_code, name_pinyin: '', year, period: 'year', value, unit: '件', approx: 'exact',
  value_kind: 'reported', report_id: 'fake', publisher_kind: 'county-gov', quote: '', flags: [], n_candidates: 1, conflict: false, ...over,
});
const POINTS = [
  point('a', 2019, 176), point('a', 2020, 172), point('a', 2024, 1696),
  point('b', 2021, 34, { value_kind: 'derived', approx: 'about' }), point('b', 2022, 35),
  point('c', 2024, 47, { period: '2024-01/2024-06' }),
];
const CHOICES = { from: null, to: null, showPartYear: false, log: false, index: false, unit: '件' };

describe('trendDisplay', () => {
  it('applies the year range to what is drawn, and counts part-year figures hidden in it', () => {
    const d = trendDisplay(POINTS, { ...CHOICES, from: 2021, to: 2024 });
    expect(d.span).toEqual({ first: 2019, last: 2024 });
    expect(d.range).toEqual({ first: 2021, last: 2024 });
    expect(d.points.map((p) => p.obs_id)).toEqual(['a-2024', 'b-2021', 'b-2022']);
    expect(d.hiddenPartYear).toBe(1);
  });

  it('index mode: only counts, never part-year figures, and says which places cannot be indexed', () => {
    const d = trendDisplay(POINTS, { ...CHOICES, index: true, showPartYear: true });
    expect(d.index).toBe(true);
    expect(d.points.map((p) => [p.obs_id, Math.round(p.value)])).toEqual([['a-2019', 100], ['a-2020', 98], ['a-2024', 964]]);
    expect(d.notIndexed.map((n) => [n.region_code, n.reason])).toEqual([['b', 'base-derived']]);
    expect(trendDisplay(POINTS, { ...CHOICES, index: true, unit: '%' }).index).toBe(false);
  });

  it('the log axis is refused (and said so) where a figure is zero or the indicator is a rate', () => {
    expect(trendDisplay(POINTS, { ...CHOICES, log: true })).toMatchObject({ log: true, logRefused: false });
    expect(trendDisplay([...POINTS, point('d', 2020, 0)], { ...CHOICES, log: true })).toMatchObject({ log: false, logRefused: true });
    expect(trendDisplay(POINTS, { ...CHOICES, log: true, unit: '%' })).toMatchObject({ log: false, logRefused: true });
  });
});

describe('placesNotDrawn', () => {
  it('lists chosen places without a figure, and those with figures none of which is drawn, in the order chosen', () => {
    const withFigure = new Set(['a', 'b', 'c']);
    expect(placesNotDrawn(['x', 'c', 'a', 'y', 'x'], withFigure, new Set(['a']), new Set())).toEqual({ noFigure: ['x', 'y'], noneShown: ['c'] });
  });
  it('leaves places that cannot be indexed to the index note', () => {
    expect(placesNotDrawn(['a', 'b'], new Set(['a', 'b']), new Set(['a']), new Set(['b']))).toEqual({ noFigure: [], noneShown: [] });
  });
});
