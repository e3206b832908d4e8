/** The Trends view's pure parts: place colours, year ranges, the index, the axis and the label nudging. */
import { describe, expect, it } from 'vitest';
import { LABEL_GAP, spreadPositions } from '../../src/charts/line-end-labels.ts';
import { logScaleUsable } from '../../src/charts/log-scale.ts';
import { placeColors, placeSlot } from '../../src/charts/place-colors.ts';
import { PALETTE } from '../../src/charts/theme.ts';
import { axisShare, axisValue, linearAxis, logAxis, niceStep } from '../../src/charts/trend-axis.ts';
import { indexPoints, isIndexed } from '../../src/charts/trend-index.ts';
import { clampRange, inRange, yearSpan } from '../../src/charts/trend-years.ts';
import { TREND_CSV_COLUMNS, trendCsvRows } from '../../src/charts/export-trend.ts';
import type { TrendPoint } from '../../src/db/queries/trend.ts';

const point = (over: Partial<TrendPoint>): TrendPoint => ({
  obs_id: `${over.region_code ?? '990001'}-${over.year ?? 2020}-${over.period ?? 'year'}`, region_code: '990001', region_name: '测试县', name_pinyin: 'Ceshi',
  year: 2020, period: 'year', value: 100, unit: '件', approx: 'exact', value_kind: 'reported', report_id: 'fake', publisher_kind: 'county-gov',
  quote: '【虚构】收案100件。', flags: [], n_candidates: 1, conflict: false, ...over,
});

describe('placeColors', () => {
  it('gives a place the same colour whatever else is drawn, from its code alone', () => {
    const alone = placeColors(['110112']).get('110112');
    expect(alone).toBe(PALETTE[placeSlot('110112')]);
    // The landing places have distinct slots: each keeps its own colour in any order and company.
    const landing = ['110112', '330300', '341881', '140223', '140224', '419001', '341024'];
    expect(new Set(landing.map(placeSlot)).size).toBe(landing.length);
    for (const order of [landing, [...landing].reverse(), ['330300', '110112']]) expect(placeColors(order).get('110112')).toBe(alone);
  });

  it('keeps colours distinct for up to ten places: a place whose slot is taken moves to the next free one', () => {
    const codes = Array.from({ length: 10 }, (_, i) => String(990001 + i * 7));
    const colours = placeColors(codes);
    expect(new Set(colours.values()).size).toBe(10);
    // The first place always keeps its own slot.
    expect(colours.get(codes[0]!)).toBe(PALETTE[placeSlot(codes[0]!)]);
  });

  it('finds two codes of one slot and gives the later one another colour', () => {
    const first = '110112';
    const clash = Array.from({ length: 200 }, (_, i) => String(100000 + i)).find((c) => c !== first && placeSlot(c) === placeSlot(first))!;
    const colours = placeColors([first, clash]);
    expect(colours.get(first)).toBe(PALETTE[placeSlot(first)]);
    expect(colours.get(clash)).not.toBe(colours.get(first));
  });
});

describe('year ranges', () => {
  const points = [point({ year: 2019 }), point({ year: 2021 }), point({ year: 2024 })];
  it('span the first to the last year with a figure', () => {
    expect(yearSpan(points)).toEqual({ first: 2019, last: 2024 });
    expect(yearSpan([])).toBeNull();
  });
  it('keep the reader\'s years inside the span and in order', () => {
    const span = { first: 2019, last: 2024 };
    expect(clampRange(span, null, null)).toEqual(span);
    expect(clampRange(span, 2020, null)).toEqual({ first: 2020, last: 2024 });
    expect(clampRange(span, 1990, 2100)).toEqual(span);
    expect(clampRange(span, 2023, 2020)).toEqual({ first: 2020, last: 2023 });
  });
  it('keep only the points of the range', () => {
    expect(inRange(points, { first: 2020, last: 2023 }).map((p) => p.year)).toEqual([2021]);
  });
});

describe('indexPoints', () => {
  it('makes each place\'s first whole-year figure 100 and keeps the printed figure', () => {
    const { points, notIndexed } = indexPoints([point({ year: 2019, value: 176 }), point({ year: 2020, value: 172 }), point({ year: 2024, value: 1696 })]);
    expect(notIndexed).toEqual([]);
    expect(points.map((p) => [p.year, Math.round(p.value * 10) / 10, isIndexed(p) && p.printed])).toEqual([[2019, 100, 176], [2020, 97.7, 172], [2024, 963.6, 1696]]);
    expect(points.every((p) => isIndexed(p) && p.base_year === 2019)).toBe(true);
  });

  it('never lets a part-year figure in, as base or as a point', () => {
    const { points } = indexPoints([point({ year: 2018, value: 50, period: '2018-01/2018-06' }), point({ year: 2019, value: 200 }), point({ year: 2020, value: 300, period: '2020-Q1' })]);
    expect(points.map((p) => [p.year, p.value])).toEqual([[2019, 100]]);
  });

  it('refuses a derived, approximate or zero base, and a place without a whole year, saying why', () => {
    const { points, notIndexed } = indexPoints([
      point({ region_code: 'a', year: 2021, value: 34, value_kind: 'derived' }), point({ region_code: 'a', year: 2022, value: 35 }),
      point({ region_code: 'b', year: 2021, value: 30, approx: 'about' }),
      point({ region_code: 'c', year: 2021, value: 0 }), point({ region_code: 'c', year: 2022, value: 4 }),
      point({ region_code: 'd', year: 2021, value: 3, period: '2021-09' }),
    ]);
    expect(points).toEqual([]);
    expect(notIndexed.map((n) => [n.region_code, n.reason, n.year])).toEqual([
      ['a', 'base-derived', 2021], ['b', 'base-approx', 2021], ['c', 'base-zero', 2021], ['d', 'no-whole-year', undefined],
    ]);
  });

  it('the CSV keeps the printed figure as value and gives the index its own columns', () => {
    const { points } = indexPoints([point({ year: 2019, value: 200 }), point({ year: 2020, value: 300 })]);
    const rows = trendCsvRows(points, [], { id: 'x', name: 'x', unit: '件' });
    expect(TREND_CSV_COLUMNS).toContain('index');
    expect(rows.map((r) => [r.value, r.index, r.index_base_year])).toEqual([[200, 100, 2019], [300, 150, 2019]]);
    expect(trendCsvRows([point({})], [], { id: 'x', name: 'x', unit: '件' })[0]).toMatchObject({ value: 100, index: null });
  });
});

describe('the value axis', () => {
  it('steps by 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0.3, 1, 1.1, 2.2, 3, 7, 246.8].map(niceStep)).toEqual([0.5, 1, 2, 2.5, 5, 10, 250]);
  });
  it('linear from zero to a round step above the largest value; log between powers of ten', () => {
    expect(linearAxis([176, 1696])).toEqual({ log: false, min: 0, max: 2000, interval: 500 });
    expect(logAxis([34, 8745])).toEqual({ log: true, min: 10, max: 10_000 });
    expect(logAxis([100, 100])).toEqual({ log: true, min: 100, max: 1000 });
  });
  it('axisShare and axisValue are inverses, on both kinds of axis', () => {
    for (const axis of [linearAxis([176, 1696]), logAxis([34, 8745])]) {
      for (const v of [34, 176, 1000]) expect(axisValue(axis, axisShare(axis, v))).toBeCloseTo(v, 6);
    }
  });
  it('the log axis is for counts above zero only (one definition with Compare)', () => {
    expect(logScaleUsable([1, 10], '件')).toBe(true);
    expect(logScaleUsable([0, 10], '件')).toBe(false);
    expect(logScaleUsable([50, 90], '%')).toBe(false);
  });
});

describe('spreadPositions', () => {
  const gaps = (ys: number[]) => [...ys].sort((a, b) => a - b).slice(1).map((y, i, all) => y - (i === 0 ? [...ys].sort((a, b) => a - b)[0]! : all[i - 1]!));
  it('leaves labels that do not touch where they are', () => {
    expect(spreadPositions([10, 100, 200], 300)).toEqual([10, 100, 200]);
  });
  it('pushes crowded labels apart by at least the gap, keeping their order', () => {
    const placed = spreadPositions([100, 101, 99, 102], 300);
    for (const g of gaps(placed)) expect(g).toBeGreaterThanOrEqual(LABEL_GAP - 1e-9);
    expect(placed[2]).toBeLessThan(placed[0]!);
    expect(placed[0]).toBeLessThan(placed[1]!);
  });
  it('keeps labels inside the plot: crowded at the bottom, they move up', () => {
    const placed = spreadPositions([300, 300, 299], 300);
    expect(Math.max(...placed)).toBeLessThanOrEqual(300);
    for (const g of gaps(placed)) expect(g).toBeGreaterThanOrEqual(LABEL_GAP - 1e-9);
  });
  it('spreads evenly when there are more labels than room', () => {
    const placed = spreadPositions(Array.from({ length: 30 }, () => 50), 100);
    expect(Math.min(...placed)).toBe(0);
    expect(Math.max(...placed)).toBe(100);
  });
});
