import type { Db } from '../db.ts';
import { codeList, pickOrder, parseFlags, type ChosenFigure } from './pick.ts';

/** One plotted point: the figure chosen for a place and year (see PICK_ORDER), with its origin. */
export interface TrendPoint extends ChosenFigure {
  publisher_kind: string;
  /** Another row for the same place, year and period gives a different number. */
  conflict: boolean;
  /** The researcher's own rows for this place and year (the drawn figure's included when it is one); absent in older callers. */
  n_user?: number;
}

type Row = Omit<TrendPoint, 'flags'> & { flags: string | null };

const SQL = `
  WITH ranked AS (
    SELECT *,
      row_number() OVER (PARTITION BY region_code, year ORDER BY ${pickOrder()}) AS pick,
      count(*) OVER (PARTITION BY region_code, year) AS n_candidates,
      count(*) FILTER (WHERE origin = 'user') OVER (PARTITION BY region_code, year) AS n_user,
      max(value) OVER (PARTITION BY region_code, year, period) - min(value) OVER (PARTITION BY region_code, year, period) > 1e-9 AS conflict
    FROM observations
    WHERE indicator_id = ? AND value IS NOT NULL
      AND region_code IN (SELECT unnest(string_split(?, ',')))  -- a semi join: the list is split once, not per row
  )
  SELECT k.obs_id, k.region_code, k.region_name, coalesce(g.name_pinyin, '') AS name_pinyin, k.year, k.period, k.value,
    coalesce(k.unit, '') AS unit, k.approx, k.value_kind, k.report_id, coalesce(k.publisher_kind, '') AS publisher_kind,
    coalesce(k.quote, '') AS quote, k.flags, k.n_candidates::INTEGER AS n_candidates, k.conflict,
    coalesce(k.origin, 'shipped') AS origin,
    -- a user row listed as an alternative behind the shipped figure drawn (我的数据)
    k.n_user::INTEGER AS n_user
  FROM ranked k LEFT JOIN regions g USING (region_code)
  WHERE k.pick = 1
  ORDER BY k.region_code, k.year`;

/** One figure per place and year for the indicator, for the chosen places. */
export async function trendPoints(db: Db, indicatorId: string, regionCodes: readonly string[]): Promise<TrendPoint[]> {
  if (regionCodes.length === 0) return [];
  const rows = await db.query<Row>(SQL, [indicatorId, codeList(regionCodes)]);
  return rows.map((row) => ({ ...row, flags: parseFlags(row.flags) }));
}
