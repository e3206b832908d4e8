import type { Db } from '../db.ts';

/** A place that has the indicator, with the years it covers. */
export interface RegionCoverage {
  region_code: string;
  region_name: string;
  name_pinyin: string;
  prefecture_name: string;
  province_name: string;
  /** Distinct years with a numeric value. */
  n_years: number;
  first_year: number;
  last_year: number;
}

/** From the pre-aggregated `coverage` (one row per place × indicator). */
const FOR_INDICATOR = `
  SELECT c.region_code,
    coalesce(r.region_name, c.region_name) AS region_name,
    coalesce(r.name_pinyin, '') AS name_pinyin,
    coalesce(r.prefecture_name, '') AS prefecture_name,
    coalesce(r.province_name, '') AS province_name,
    c.n_years, c.first_year, c.last_year
  FROM coverage c LEFT JOIN regions r USING (region_code)
  WHERE c.indicator_id = ? AND c.n_years > 0
  ORDER BY c.n_years DESC, c.last_year DESC, c.region_code`;

/** Places with at least one numeric value of the indicator, the best covered first. */
export function regionsWithIndicator(db: Db, indicatorId: string): Promise<RegionCoverage[]> {
  return db.query<RegionCoverage>(FOR_INDICATOR, [indicatorId]);
}

const COUNT = `SELECT count(*)::INTEGER AS n FROM regions`;

/** How many places the dataset knows, to say how many lack a given indicator. */
export async function countRegions(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>(COUNT);
  return row?.n ?? 0;
}
