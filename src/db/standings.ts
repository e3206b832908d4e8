/**
 * Pre-aggregated standings (issue 12, national scale): where each place's latest whole-year figure
 * of each indicator stands among all places of its tier (the Profile's default peer group), for every
 * year tolerance the reader can choose (0–3). The same answer as queries/profile.ts's `peerStandings`
 * (tests/db/standings.test.ts proves it), computed once by the publisher from the tiles (tiles.ts: the
 * pick rule already applied), so the Profile reads its province's file (≈ 10 k rows) instead of the
 * peers' partitions of two years (≈ 12 MB on the synthetic nation).
 *
 * Two tables, each written as Parquet partitions (scripts/gen-synthetic.ts):
 * - `standing_places` (`standings/places/province=<code>/data_0.parquet`): per place × indicator ×
 *   tolerance: the year and value compared, how many peers (the place included), below, above, median.
 *   A rank is counted by an ASOF join on each group's sorted distinct values, not by pairing every
 *   place with every peer (2,846² pairs per indicator).
 * - `standing_others` (`standings/others/year=<yyyy>/data_0.parquet`): per indicator × year × tier ×
 *   tolerance, the peers compared at another year than that one (the same text as `peerStandings` reads).
 */
import { LEVELS_OF_TIER, LEVEL_TIERS } from './queries/peers.ts';
import type { TableSpec } from './schema.ts';

export const STANDING_PLACES_TABLE: Pick<TableSpec, 'columns'> & { name: 'standing_places' } = {
  name: 'standing_places',
  columns: {
    region_code: 'VARCHAR', indicator_id: 'VARCHAR', tolerance: 'INTEGER', peer_level: 'VARCHAR', year: 'INTEGER',
    value: 'DOUBLE', n: 'INTEGER', n_below: 'INTEGER', n_above: 'INTEGER', median: 'DOUBLE',
  },
};

export const STANDING_OTHERS_TABLE: Pick<TableSpec, 'columns'> & { name: 'standing_others' } = {
  name: 'standing_others',
  columns: { indicator_id: 'VARCHAR', year: 'INTEGER', peer_level: 'VARCHAR', tolerance: 'INTEGER', other_years: 'VARCHAR' },
};

/** The tolerances the reader can choose (year-tolerance.ts: 0–3). */
const TOLERANCES = [0, 1, 2, 3] as const;

const quoted = (values: readonly string[]): string => values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');
/** A place's tier as `resolvePeerLevel` gives it by default: its level's tier, 'all' when unknown. */
const TIER_SQL = `CASE ${LEVEL_TIERS.map((tier) => `WHEN level IN (${quoted(LEVELS_OF_TIER[tier])}) THEN '${tier}'`).join(' ')} ELSE 'all' END`;

/**
 * The CTEs both tables start from, over `tiles` (tileSelect's rows) and `regions`: `mine` (each
 * place's latest whole-year figure per indicator, with its tier) × `tolerances`, and `nearest` (per
 * group = indicator × that year × tier × tolerance, each peer's whole-year figure nearest the year,
 * the later at equal distance), as `peerStandings` chooses them.
 */
const base = (tiles: string): string => `
  whole AS (SELECT indicator_id, region_code, year, value, coalesce(region_name, region_code) AS region_name FROM ${tiles} WHERE period = 'year'),
  tiers AS (SELECT region_code, ${TIER_SQL} AS tier FROM regions),
  members AS (  -- a tier's places; 'all' (a place of unknown tier is compared with everyone): every place
    SELECT region_code, tier FROM tiers WHERE tier <> 'all'
    UNION ALL
    SELECT region_code, 'all' FROM (SELECT region_code FROM regions UNION SELECT region_code FROM whole)
  ),
  mine AS (
    SELECT w.indicator_id, w.region_code, w.year, w.value, coalesce(t.tier, 'all') AS tier
    FROM whole w LEFT JOIN tiers t USING (region_code)
    QUALIFY row_number() OVER (PARTITION BY w.indicator_id, w.region_code ORDER BY w.year DESC) = 1
  ),
  tolerances AS (SELECT unnest([${TOLERANCES.join(', ')}])::INTEGER AS tolerance),
  groups AS (SELECT DISTINCT indicator_id, year, tier, tolerance FROM mine, tolerances),
  nearest AS (
    SELECT g.indicator_id, g.year AS target, g.tier, g.tolerance, w.region_code, w.region_name, w.year, w.value
    FROM groups g JOIN members m ON m.tier = g.tier
      JOIN whole w ON w.region_code = m.region_code AND w.indicator_id = g.indicator_id AND w.year BETWEEN g.year - g.tolerance AND g.year + g.tolerance
    QUALIFY row_number() OVER (PARTITION BY g.indicator_id, g.year, g.tier, g.tolerance, w.region_code ORDER BY abs(w.year - g.year), w.year DESC) = 1
  )`;

/** `standing_places` rows (with `province`, the partition key) from the tiles. */
export const standingPlacesSelect = (tiles = 'tile_figures'): string => `
  WITH ${base(tiles)},
  counted AS (  -- per group, each distinct value with how many values are ≤ it
    SELECT indicator_id, target, tier, tolerance, value,
      sum(k) OVER (PARTITION BY indicator_id, target, tier, tolerance ORDER BY value) AS n_le
    FROM (SELECT indicator_id, target, tier, tolerance, value, count(*) AS k FROM nearest GROUP BY indicator_id, target, tier, tolerance, value)
  ),
  stats AS (
    SELECT indicator_id, target, tier, tolerance, count(*)::INTEGER AS n, quantile_cont(value, 0.5) AS median FROM nearest GROUP BY ALL
  ),
  probe AS (  -- the margins peerStandings counts "equal" within
    SELECT m.*, t.tolerance, m.value - 1e-9 * greatest(1, abs(m.value)) AS lo, m.value + 1e-9 * greatest(1, abs(m.value)) AS hi
    FROM mine m, tolerances t
  ),
  below AS (
    SELECT p.indicator_id, p.region_code, p.tolerance, coalesce(c.n_le, 0) AS n_below
    FROM probe p ASOF LEFT JOIN counted c
      ON p.indicator_id = c.indicator_id AND p.year = c.target AND p.tier = c.tier AND p.tolerance = c.tolerance AND p.lo > c.value
  ),
  upto AS (
    SELECT p.indicator_id, p.region_code, p.tolerance, coalesce(c.n_le, 0) AS n_le
    FROM probe p ASOF LEFT JOIN counted c
      ON p.indicator_id = c.indicator_id AND p.year = c.target AND p.tier = c.tier AND p.tolerance = c.tolerance AND p.hi >= c.value
  )
  SELECT p.region_code, p.indicator_id, p.tolerance, p.tier AS peer_level, p.year::INTEGER AS year, p.value,
    s.n, b.n_below::INTEGER AS n_below, (s.n - u.n_le)::INTEGER AS n_above, s.median,
    left(p.region_code, 2) || '0000' AS province
  FROM probe p
    JOIN stats s ON s.indicator_id = p.indicator_id AND s.target = p.year AND s.tier = p.tier AND s.tolerance = p.tolerance
    JOIN below b ON b.indicator_id = p.indicator_id AND b.region_code = p.region_code AND b.tolerance = p.tolerance
    JOIN upto u ON u.indicator_id = p.indicator_id AND u.region_code = p.region_code AND u.tolerance = p.tolerance
  ORDER BY province, p.region_code, p.indicator_id, p.tolerance`;

/** `standing_others` rows from the tiles: only groups where some peer is compared at another year. */
export const standingOthersSelect = (tiles = 'tile_figures'): string => `
  WITH ${base(tiles)}
  SELECT c.indicator_id, c.target::INTEGER AS year, c.tier AS peer_level, c.tolerance,
    string_agg(c.region_name || chr(30) || coalesce(g.name_pinyin, '') || chr(30) || c.year::VARCHAR, chr(31) ORDER BY c.year DESC, c.region_code) AS other_years
  FROM nearest c LEFT JOIN regions g ON g.region_code = c.region_code
  WHERE c.year <> c.target
  GROUP BY ALL
  ORDER BY year, indicator_id, peer_level, tolerance`;

export const createEmptySql = (table: Pick<TableSpec, 'columns'> & { name: string }): string =>
  `CREATE OR REPLACE TABLE ${table.name} (${Object.entries(table.columns).map(([c, t]) => `"${c}" ${t}`).join(', ')})`;
