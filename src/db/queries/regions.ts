import type { Db } from '../db.ts';

/** A place that has the indicator, with the years it covers. */
export interface RegionCoverage {
  region_code: string;
  region_name: string;
  name_pinyin: string;
  prefecture_name: string;
  province_name: string;
  /** The prefecture's and province's names romanised (Datong, Shanxi); '' when unknown. */
  prefecture_pinyin: string;
  province_pinyin: string;
  /** Distinct years with a numeric value. */
  n_years: number;
  first_year: number;
  last_year: number;
  /**
   * Years with a whole-year figure, and the first and last of them (null when none): a part-year
   * figure (a monthly bulletin) is never counted as a year.
   */
  n_whole_years: number;
  first_whole_year: number | null;
  last_whole_year: number | null;
  /** Years with only part-year figures. */
  n_part_years: number;
}

/** From the pre-aggregated `coverage` (one row per place × indicator), for the listed indicators. */
const FOR_INDICATORS = `
  SELECT c.indicator_id, c.region_code,
    coalesce(r.region_name, c.region_name) AS region_name,
    coalesce(r.name_pinyin, '') AS name_pinyin,
    coalesce(r.prefecture_name, '') AS prefecture_name,
    coalesce(r.province_name, '') AS province_name,
    coalesce(r.prefecture_pinyin, '') AS prefecture_pinyin, coalesce(r.province_pinyin, '') AS province_pinyin,
    c.n_years, c.first_year, c.last_year,
    coalesce(len(string_split(nullif(c.whole_years, ''), ',')), 0)::INTEGER AS n_whole_years,
    left(nullif(c.whole_years, ''), 4)::INTEGER AS first_whole_year, right(nullif(c.whole_years, ''), 4)::INTEGER AS last_whole_year,
    coalesce(len(string_split(nullif(c.part_years, ''), ',')), 0)::INTEGER AS n_part_years
  FROM coverage c LEFT JOIN regions r USING (region_code)
  WHERE c.indicator_id IN (SELECT unnest(string_split(?, '|'))) AND c.n_years > 0
  ORDER BY c.indicator_id, c.n_years DESC, c.last_year DESC, c.region_code`;

/** Places with at least one numeric value of the indicator, the best covered first. */
export async function regionsWithIndicator(db: Db, indicatorId: string): Promise<RegionCoverage[]> {
  return (await regionsWithIndicators(db, [indicatorId])).get(indicatorId) ?? [];
}

/**
 * The same for several indicators in one query (a prefetch of the likely next indicators): each
 * indicator's places, best covered first; an indicator without places maps to [].
 * Ids are bound joined with '|', which no catalog id contains (they are `[a-z_.0-9]`); an id that does
 * names no indicator, so it is not sent (it would be split into others).
 */
export async function regionsWithIndicators(db: Db, indicatorIds: readonly string[]): Promise<Map<string, RegionCoverage[]>> {
  const byIndicator = new Map<string, RegionCoverage[]>(indicatorIds.map((id) => [id, []]));
  const asked = indicatorIds.filter((id) => !id.includes('|'));
  if (asked.length === 0) return byIndicator;
  const rows = await db.query<RegionCoverage & { indicator_id: string }>(FOR_INDICATORS, [asked.join('|')]);
  for (const { indicator_id: id, ...region } of rows) byIndicator.get(id)?.push(region);
  return byIndicator;
}

const COUNT = `SELECT count(*)::INTEGER AS n FROM regions`;

/** How many places the dataset knows, to say how many lack a given indicator. */
export async function countRegions(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>(COUNT);
  return row?.n ?? 0;
}
