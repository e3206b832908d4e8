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

const FOR_INDICATOR = `
  SELECT o.region_code,
    coalesce(any_value(r.region_name), any_value(o.region_name)) AS region_name,
    coalesce(any_value(r.name_pinyin), '') AS name_pinyin,
    coalesce(any_value(r.prefecture_name), '') AS prefecture_name,
    coalesce(any_value(r.province_name), '') AS province_name,
    count(DISTINCT o.year)::INTEGER AS n_years, min(o.year)::INTEGER AS first_year, max(o.year)::INTEGER AS last_year
  FROM observations o LEFT JOIN regions r USING (region_code)
  WHERE o.indicator_id = ? AND o.value IS NOT NULL
  GROUP BY o.region_code
  ORDER BY n_years DESC, last_year DESC, o.region_code`;

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
