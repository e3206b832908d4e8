import type { Approx, ValueKind } from '../../core/types.ts';
import type { Db } from '../db.ts';
import { codeList, pickOrder, parseFlags } from './pick.ts';

/** One plotted point: the figure chosen for a place and year (see PICK_ORDER), with its origin. */
export interface TrendPoint {
  obs_id: string;
  region_code: string;
  region_name: string;
  /** Romanised name for English labels ('' when unknown). */
  name_pinyin: string;
  year: number;
  /** `year`, or the part of the year the figure covers. */
  period: string;
  value: number;
  unit: string;
  approx: Approx;
  value_kind: ValueKind;
  report_id: string;
  publisher_kind: string;
  quote: string;
  flags: string[];
  /** Rows for the same place, year and indicator, this one included. */
  n_candidates: number;
  /** Another row for the same place, year and period gives a different number. */
  conflict: boolean;
}

type Row = Omit<TrendPoint, 'flags'> & { flags: string | null };

const SQL = `
  WITH ranked AS (
    SELECT *,
      row_number() OVER (PARTITION BY region_code, year ORDER BY ${pickOrder()}) AS pick,
      count(*) OVER (PARTITION BY region_code, year) AS n_candidates,
      max(value) OVER (PARTITION BY region_code, year, period) - min(value) OVER (PARTITION BY region_code, year, period) > 1e-9 AS conflict
    FROM observations
    WHERE indicator_id = ? AND value IS NOT NULL
      AND list_contains(string_split(?, ','), region_code)
  )
  SELECT k.obs_id, k.region_code, k.region_name, coalesce(g.name_pinyin, '') AS name_pinyin, k.year, k.period, k.value,
    coalesce(k.unit, '') AS unit, k.approx, k.value_kind, k.report_id, coalesce(k.publisher_kind, '') AS publisher_kind,
    coalesce(k.quote, '') AS quote, k.flags, k.n_candidates::INTEGER AS n_candidates, k.conflict
  FROM ranked k LEFT JOIN regions g USING (region_code)
  WHERE k.pick = 1
  ORDER BY k.region_code, k.year`;

/** One figure per place and year for the indicator, for the chosen places. */
export async function trendPoints(db: Db, indicatorId: string, regionCodes: readonly string[]): Promise<TrendPoint[]> {
  if (regionCodes.length === 0) return [];
  const rows = await db.query<Row>(SQL, [indicatorId, codeList(regionCodes)]);
  return rows.map((row) => ({ ...row, flags: parseFlags(row.flags) }));
}
