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

/** A trend asked for in a batch: an indicator and the places to draw. */
export interface TrendRequest { indicatorId: string; regionCodes: readonly string[] }

/**
 * trendPoints for several indicators, each with its own places, in one statement (the idle prefetch
 * of the indicators a reader may pick next, issue 12). The pick and the conflict are partitioned by
 * indicator as well, and a place's rows never depend on another place's, so each request gets exactly
 * what trendPoints gives it. Pairs are bound as one `indicator|place` list (neither contains `|` or `,`).
 */
const SQL_OF_INDICATORS = `
  WITH ranked AS (
    SELECT *,
      row_number() OVER (PARTITION BY indicator_id, region_code, year ORDER BY ${pickOrder()}) AS pick,
      count(*) OVER (PARTITION BY indicator_id, region_code, year) AS n_candidates,
      count(*) FILTER (WHERE origin = 'user') OVER (PARTITION BY indicator_id, region_code, year) AS n_user,
      max(value) OVER (PARTITION BY indicator_id, region_code, year, period) - min(value) OVER (PARTITION BY indicator_id, region_code, year, period) > 1e-9 AS conflict
    FROM observations
    WHERE value IS NOT NULL
      AND (indicator_id || '|' || region_code) IN (SELECT unnest(string_split(?, ',')))
  )
  SELECT k.indicator_id AS batch_indicator, k.obs_id, k.region_code, k.region_name, coalesce(g.name_pinyin, '') AS name_pinyin, k.year, k.period, k.value,
    coalesce(k.unit, '') AS unit, k.approx, k.value_kind, k.report_id, coalesce(k.publisher_kind, '') AS publisher_kind,
    coalesce(k.quote, '') AS quote, k.flags, k.n_candidates::INTEGER AS n_candidates, k.conflict,
    coalesce(k.origin, 'shipped') AS origin,
    k.n_user::INTEGER AS n_user
  FROM ranked k LEFT JOIN regions g USING (region_code)
  WHERE k.pick = 1
  ORDER BY k.indicator_id, k.region_code, k.year`;

const pairOk = (s: string) => !s.includes('|') && !s.includes(',');

/** The points of each request, in the order asked; null for a request whose ids cannot be bound this way (ask trendPoints). */
export async function trendPointsOfIndicators(db: Db, requests: readonly TrendRequest[]): Promise<(TrendPoint[] | null)[]> {
  const usable = requests.filter((r) => pairOk(r.indicatorId) && r.regionCodes.every(pairOk));
  const pairs = [...new Set(usable.flatMap((r) => r.regionCodes.map((code) => [r.indicatorId, code].join('|'))))];
  const rows = pairs.length === 0 ? [] : await db.query<Row & { batch_indicator: string }>(SQL_OF_INDICATORS, [pairs.join(',')]);
  const byIndicator = new Map<string, TrendPoint[]>();
  for (const { batch_indicator, ...row } of rows) {
    const list = byIndicator.get(batch_indicator) ?? [];
    list.push({ ...row, flags: parseFlags(row.flags) });
    byIndicator.set(batch_indicator, list);
  }
  return requests.map((r) => {
    if (!usable.includes(r)) return null;
    const codes = new Set(r.regionCodes);
    return (byIndicator.get(r.indicatorId) ?? []).filter((p) => codes.has(p.region_code));
  });
}
