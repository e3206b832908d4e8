/**
 * Comparing across years, honestly (issue 13): places report in different years, so each peer's
 * figure is its whole-year figure nearest the year compared, within ±tolerance years (as OWID
 * Grapher's tolerance). Every such figure keeps its own year, and the views label it.
 *
 * Rules:
 * - only whole-year figures are candidates (a part of a year is never compared with a year);
 * - the nearest year wins; at equal distance the later year (the more recent figure);
 * - a place with no whole-year figure in range but a part-year one in range is listed, not ranked.
 */
import type { Db } from '../db.ts';
import { peerCtes, peerParams, type PeerSpec } from './peers.ts';

/** The reader sets 0–3; 1 by default (a report a year late or early still compares). */
export const TOLERANCE_MIN = 0;
export const TOLERANCE_MAX = 3;
export const DEFAULT_TOLERANCE = 1;

/** A tolerance read from the URL: a whole number within 0–3, else the default. */
export function clampTolerance(wanted: number | null): number {
  return wanted !== null && Number.isInteger(wanted) && wanted >= TOLERANCE_MIN && wanted <= TOLERANCE_MAX ? wanted : DEFAULT_TOLERANCE;
}

/** The years within ±tolerance of the target, ascending. */
export function yearsWithin(target: number, tolerance: number): number[] {
  const years: number[] = [];
  for (let y = target - tolerance; y <= target + tolerance; y += 1) years.push(y);
  return years;
}

interface Dated {
  region_code: string;
  year: number;
  period: string;
}

export interface InRange<T> {
  /** Per place, its nearest whole-year figure within range. */
  chosen: T[];
  /** Places with no whole-year figure in range, only a part-year one (the nearest): not ranked. */
  partYear: T[];
}

const closer = (target: number) => <T extends Dated>(a: T, b: T): boolean => {
  const da = Math.abs(a.year - target);
  const db = Math.abs(b.year - target);
  return da < db || (da === db && a.year > b.year);
};

/** Each place's nearest whole-year figure within ±tolerance of `target`; the others with only part-year figures in range. */
export function nearestWithin<T extends Dated>(figures: readonly T[], target: number, tolerance: number): InRange<T> {
  const isCloser = closer(target);
  const whole = new Map<string, T>();
  const part = new Map<string, T>();
  for (const f of figures) {
    if (Math.abs(f.year - target) > tolerance) continue;
    const into = f.period === 'year' ? whole : part;
    const held = into.get(f.region_code);
    if (!held || isCloser(f, held)) into.set(f.region_code, f);
  }
  return {
    chosen: [...whole.values()],
    partYear: [...part.values()].filter((f) => !whole.has(f.region_code)),
  };
}

/** The figures of another year than the target, in the order given (for "广灵县为 2024 年数字"). */
export const otherYearFigures = <T extends { year: number }>(figures: readonly T[], target: number): T[] => figures.filter((f) => f.year !== target);

/** Which years a place of the peer group has the indicator in (what to say when no peer is in range). */
export interface PlaceYears {
  region_code: string;
  region_name: string;
  name_pinyin: string;
  /** Years with a whole-year figure, ascending. */
  whole_years: number[];
  /** Years with only part-year figures, ascending. */
  part_years: number[];
}

const PLACE_YEARS = `
  WITH ${peerCtes(1)}
  SELECT c.region_code, coalesce(g.region_name, c.region_name) AS region_name, coalesce(g.name_pinyin, '') AS name_pinyin,
    c.whole_years, c.part_years
  FROM coverage c LEFT JOIN regions g USING (region_code)
  WHERE c.indicator_id = $5::VARCHAR AND c.region_code IN (SELECT region_code FROM peers)
    AND (c.whole_years <> '' OR c.part_years <> '')
  ORDER BY c.last_year DESC, c.region_code
  LIMIT $6::INTEGER`;

const yearList = (text: string | null): number[] => (text ? text.split(',').map(Number).filter(Number.isInteger) : []);

/** The peer group's places with any figure of the indicator and their years, latest first (at most `limit`). */
export async function placeYears(db: Db, indicatorId: string, peers: PeerSpec, limit = 50): Promise<PlaceYears[]> {
  const rows = await db.query<{ region_code: string; region_name: string; name_pinyin: string; whole_years: string | null; part_years: string | null }>(
    PLACE_YEARS, [...peerParams(peers), indicatorId, limit],
  );
  return rows.map((r) => ({ ...r, whole_years: yearList(r.whole_years), part_years: yearList(r.part_years) }));
}
