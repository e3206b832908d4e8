/**
 * "Change since the first year": each place's first whole-year figure in the range is 100 and every
 * later whole-year figure is shown relative to it. Pure.
 *
 * Only counts are indexed (a rate's change is read in points, not as a ratio), only whole-year figures
 * enter (a part-year figure would understate the year), and a place is indexed only when its first
 * whole-year figure is a printed, exact number above zero: an index on a derived, approximate or zero
 * base would look more precise than it is. A place that cannot be indexed is returned with the reason,
 * so the page can say so; it is not drawn in this mode.
 */
import type { TrendPoint } from '../db/queries/trend.ts';

/** An indexed point: `value` is the index (base = 100); `printed` the figure as the report gives it. */
export type IndexedPoint = TrendPoint & { printed: number; base_year: number };

export type NotIndexedReason = 'no-whole-year' | 'base-derived' | 'base-approx' | 'base-zero';

export interface NotIndexed {
  region_code: string;
  region_name: string;
  name_pinyin: string;
  reason: NotIndexedReason;
  /** The year of the first whole-year figure that could not serve as the base (absent for 'no-whole-year'). */
  year?: number;
}

/** Indexing applies to counts only: the same test as the log axis (log-scale.ts), rates excluded. */
export const indexUsable = (unit: string): boolean => unit !== '%';

export function indexPoints(points: readonly TrendPoint[]): { points: IndexedPoint[]; notIndexed: NotIndexed[] } {
  const byPlace = new Map<string, TrendPoint[]>();
  for (const p of points) byPlace.set(p.region_code, [...(byPlace.get(p.region_code) ?? []), p]);
  const indexed: IndexedPoint[] = [];
  const notIndexed: NotIndexed[] = [];
  for (const [code, all] of byPlace) {
    const whole = all.filter((p) => p.period === 'year').sort((a, b) => a.year - b.year);
    const base = whole[0];
    const place = { region_code: code, region_name: all[0]!.region_name, name_pinyin: all[0]!.name_pinyin };
    const reason: NotIndexedReason | null = !base ? 'no-whole-year'
      : base.value_kind !== 'reported' ? 'base-derived'
        : base.approx !== 'exact' ? 'base-approx'
          : base.value <= 0 ? 'base-zero' : null;
    if (reason) { notIndexed.push({ ...place, reason, ...(base ? { year: base.year } : {}) }); continue; }
    for (const p of whole) indexed.push({ ...p, value: (p.value / base!.value) * 100, printed: p.value, base_year: base!.year });
  }
  return { points: indexed, notIndexed };
}

/** Whether a point carries an index (its `printed` figure differs from what is drawn). */
export const isIndexed = (p: TrendPoint): p is IndexedPoint => typeof (p as Partial<IndexedPoint>).printed === 'number';
