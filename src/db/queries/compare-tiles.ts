/**
 * Compare's figures read from the pre-aggregated tiles (src/db/tiles.ts) instead of the rows: the
 * same answer as compare.ts's `compareFigures` (tests/db/tiles.test.ts proves it on the shipped data
 * and on a partitioned fixture), without loading the peer group's partitions.
 *
 * A tile holds the shipped rows' choice. The researcher's own rows (`origin = 'user'`, always loaded)
 * are added as the pick rule orders them: a shipped number wins over a user's, so a user row is
 * chosen only for a place and year the tile has no row for; a user row still counts as a candidate.
 */
import type { Db } from '../db.ts';
import type { CompareFigure } from './compare.ts';
import { peerCtes, peerParams, type PeerSpec } from './peers.ts';
import { parseFlags, pickKey } from './pick.ts';

type Row = Omit<CompareFigure, 'flags'> & { flags: string | null };

const FIGURES = `
  WITH ${peerCtes(1)},
  wanted AS (SELECT unnest(string_split($6::VARCHAR, ','))::INTEGER AS year),  -- split once, not per row
  tiled AS (
    SELECT t.* FROM tile_figures t
    WHERE t.indicator_id = $5::VARCHAR AND t.year IN (SELECT year FROM wanted) AND t.region_code IN (SELECT region_code FROM peers)
  ),
  mine AS (
    SELECT o.* FROM observations o
    WHERE o.origin = 'user' AND o.indicator_id = $5::VARCHAR AND o.value IS NOT NULL
      AND o.year IN (SELECT year FROM wanted) AND o.region_code IN (SELECT region_code FROM peers)
  ),
  mine_count AS (SELECT region_code, year, count(*)::INTEGER AS n FROM mine GROUP BY region_code, year),
  mine_picked AS (
    SELECT arg_min(obs_id, ${pickKey()}) AS obs_id, count(*)::INTEGER AS n_candidates
    FROM mine m ANTI JOIN tiled t USING (region_code, year)
    GROUP BY region_code, year
  ),
  chosen AS (
    SELECT t.obs_id, t.region_code, t.region_name, t.year, t.period, t.value, t.unit, t.approx, t.value_kind, t.flags,
      t.derivation, t.n_candidates + coalesce(c.n, 0) AS n_candidates, t.report_id, 'shipped' AS origin
    FROM tiled t LEFT JOIN mine_count c USING (region_code, year)
    UNION ALL
    SELECT m.obs_id, m.region_code, m.region_name, m.year, m.period, m.value, coalesce(m.unit, ''), m.approx, m.value_kind, m.flags,
      coalesce(m.derivation, ''), p.n_candidates, m.report_id, 'user'
    FROM mine_picked p JOIN mine m USING (obs_id)
  )
  SELECT k.obs_id, k.region_code, coalesce(g.region_name, k.region_name) AS region_name,
    coalesce(g.name_pinyin, '') AS name_pinyin, k.year, k.period, k.value, k.unit,
    k.approx, k.value_kind, k.flags, k.derivation, k.n_candidates::INTEGER AS n_candidates, k.report_id, k.origin
  FROM chosen k LEFT JOIN regions g USING (region_code)
  ORDER BY k.year, k.region_code`;

/** The chosen figure of every place of the peer group for each year, from the loaded tiles. */
export async function compareFiguresFromTiles(db: Db, indicatorId: string, years: readonly number[], peers: PeerSpec): Promise<CompareFigure[]> {
  if (years.length === 0) return [];
  const rows = await db.query<Row>(FIGURES, [...peerParams(peers), indicatorId, [...new Set(years)].join(',')]);
  return rows.map((row) => ({ ...row, flags: parseFlags(row.flags) }));
}
