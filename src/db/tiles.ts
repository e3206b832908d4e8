/**
 * Pre-aggregated tiles (issue 12, national scale): per indicator × year, each place's figure as the
 * pick rule chooses it (pick-rule.ts, through `pickKey`: the rule applied, not a copy of it), with the
 * row's quote, report and span, so Compare's "all places" reads ≈ 3,000 chosen rows instead of the
 * 60 partitions (≈ 570,000 rows, 6–13 MB) holding them.
 *
 * One definition, run by the publisher (scripts/gen-synthetic.ts writes `tiles/indicator_id=<id>/year=<y>/data_0.parquet`
 * with DuckDB's COPY … PARTITION_BY) and read by the partitioned source into the `tile_figures` table.
 * Parquet, not CSV: the partitions' reader (hyparquet) already reads it, columns keep their types,
 * and Snappy makes a 2,846-row tile with its quotes ≈ 70 KB (CSV would be ≈ 400 KB uncompressed: the
 * static server sends data files as they are). The shipped CSV layout has no tiles: its queries read
 * the rows, which are all loaded anyway.
 *
 * Only shipped rows are in a tile; the researcher's own rows (`origin = 'user'`) stay in
 * `observations`, and queries/compare-tiles.ts adds them exactly as the pick rule would (a shipped
 * number always wins over the user's, so a user row is chosen only where the tile has no row).
 */
import type { TableSpec } from './schema.ts';
import { pickKey } from './queries/pick.ts';

/** The columns of a tile, as the partitioned source declares them when it inserts one. */
export const TILE_TABLE: Pick<TableSpec, 'columns'> & { name: 'tile_figures' } = {
  name: 'tile_figures',
  columns: {
    indicator_id: 'VARCHAR', year: 'INTEGER', region_code: 'VARCHAR', region_name: 'VARCHAR',
    obs_id: 'VARCHAR', period: 'VARCHAR', value: 'DOUBLE', unit: 'VARCHAR', approx: 'VARCHAR', value_kind: 'VARCHAR',
    flags: 'VARCHAR', quote: 'VARCHAR', derivation: 'VARCHAR', report_id: 'VARCHAR',
    span_start: 'INTEGER', span_end: 'INTEGER', n_candidates: 'INTEGER',
  },
};

/**
 * The tiles' rows from `from` (a table or subquery with the observation columns, `origin` included):
 * per indicator, place and year, among the shipped rows with a number (what Compare ranks and
 * Profile's standings compare), the one `arg_min(…, pickKey())` chooses, and how many rows competed.
 * The same grouping and key as compare.ts's FIGURES.
 */
export const tileSelect = (from = 'observations'): string => `
  WITH shipped AS (
    SELECT * FROM ${from} WHERE value IS NOT NULL AND year IS NOT NULL AND coalesce(origin, 'shipped') <> 'user'
  ),
  picked AS (
    SELECT arg_min(obs_id, ${pickKey()}) AS obs_id, count(*)::INTEGER AS n_candidates
    FROM shipped GROUP BY indicator_id, region_code, year
  )
  SELECT o.indicator_id, o.year::INTEGER AS year, o.region_code, o.region_name, o.obs_id, o.period, o.value,
    coalesce(o.unit, '') AS unit, o.approx, o.value_kind, coalesce(o.flags, '') AS flags, coalesce(o.quote, '') AS quote,
    coalesce(o.derivation, '') AS derivation, o.report_id, o.span_start::INTEGER AS span_start, o.span_end::INTEGER AS span_end, p.n_candidates
  FROM picked p JOIN shipped o USING (obs_id)
  ORDER BY o.indicator_id, o.year, o.region_code`;

/** An empty `tile_figures` for loaded tiles to be appended to. */
export const CREATE_EMPTY_TILES_SQL = `CREATE OR REPLACE TABLE tile_figures (${Object.entries(TILE_TABLE.columns).map(([c, t]) => `"${c}" ${t}`).join(', ')})`;

/** Where a tile lives inside the dataset (DuckDB's Hive naming, as the publisher's COPY writes it). */
export const tilePath = (dir: string, indicatorId: string, year: number): string =>
  `${dir}/indicator_id=${indicatorId}/year=${year}/data_0.parquet`;
