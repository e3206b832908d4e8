import type { Db } from '../db.ts';
import { numericYearsSql } from '../pre-aggregates.ts';

/** An indicator of the catalog with how much of the dataset holds it. */
export interface IndicatorCoverage {
  indicator_id: string;
  name_zh: string;
  name_en: string;
  unit: string;
  category: string;
  category_zh: string;
  category_en: string;
  definition_zh: string;
  definition_en: string;
  /** true, false, or null when more is neither better nor worse. */
  higher_is_better: boolean | null;
  /** Places with at least one numeric value. */
  n_regions: number;
  /** Distinct years with at least one numeric value. */
  n_years: number;
  /** Distinct place-years with a numeric value. */
  n_region_years: number;
  /** Rows with a number, and rows with only a qualitative statement (value null). */
  n_values: number;
  n_qualitative: number;
}

/** From the pre-aggregated `coverage` (pre-aggregates.ts): no scan of the observations. */
const SQL = `
  WITH years AS (
    SELECT c.indicator_id, count(DISTINCT y.year) AS n_years
    FROM (SELECT DISTINCT indicator_id, whole_years, part_years FROM coverage WHERE n_years > 0) c,
      unnest(${numericYearsSql('c')}) AS y(year)
    GROUP BY c.indicator_id
  ),
  cov AS (
    SELECT c.indicator_id,
      count(*) FILTER (WHERE c.n_years > 0) AS n_regions,
      any_value(y.n_years) AS n_years,
      sum(c.n_years) AS n_region_years,
      sum(c.n_values) AS n_values,
      sum(c.n_qualitative) AS n_qualitative
    FROM coverage c LEFT JOIN years y USING (indicator_id) GROUP BY c.indicator_id
  )
  SELECT i.indicator_id, i.name_zh, coalesce(i.name_en, i.name_zh) AS name_en, coalesce(i.unit, '') AS unit,
    i.category, coalesce(i.category_zh, i.category) AS category_zh, coalesce(i.category_en, i.category) AS category_en,
    coalesce(i.definition_zh, '') AS definition_zh, coalesce(i.definition_en, '') AS definition_en,
    CASE lower(i.higher_is_better) WHEN 'true' THEN true WHEN 'false' THEN false ELSE NULL END AS higher_is_better,
    coalesce(cov.n_regions, 0)::INTEGER AS n_regions, coalesce(cov.n_years, 0)::INTEGER AS n_years,
    coalesce(cov.n_region_years, 0)::INTEGER AS n_region_years,
    coalesce(cov.n_values, 0)::INTEGER AS n_values, coalesce(cov.n_qualitative, 0)::INTEGER AS n_qualitative
  FROM indicators i LEFT JOIN cov USING (indicator_id)
  ORDER BY i.rowid`;

/** The catalog in its published order, each indicator with its coverage. */
export function listIndicators(db: Db): Promise<IndicatorCoverage[]> {
  return db.query<IndicatorCoverage>(SQL);
}
