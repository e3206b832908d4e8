/**
 * Where the dashboard's tables come from. A source fills DuckDB at start-up with what every view
 * needs (the small tables and the pre-aggregates) and, for a partitioned dataset, adds observation
 * partitions when a view asks for a scope (`ensure`). The SQL in src/db/queries runs unchanged on
 * either: it only sees tables.
 */
import type { Table } from 'apache-arrow';
import type { Db } from '../db.ts';
import type { DatasetManifest } from './manifest.ts';
import type { Scope } from './scope.ts';

/** The parts of the DuckDB instance a source writes with (wasm-db.ts provides them). */
export interface Engine {
  db: Db;
  registerFileText(name: string, text: string): Promise<void>;
  /** Appends Arrow rows to table `name`; `observations` means the shipped table under the view (observations-view.ts `physicalTableName`). */
  insertArrow(name: string, table: Table): Promise<void>;
}

/** What one `ensure` fetched, also published as the `atlas:partitions-loaded` performance mark. */
export interface LoadReport {
  view: string;
  /** Partitions fetched now (not those already loaded). */
  partitions: number;
  files: number;
  bytes: number;
  rows: number;
  ms: number;
}

export interface DataSource {
  readonly manifest: DatasetManifest;
  /** Makes the observations (and reports) of the scope queryable; loaded partitions are not fetched again. */
  ensure(scope: Scope, view: string): Promise<LoadReport>;
  /**
   * Loads the pre-aggregated tiles (src/db/tiles.ts) of an indicator for these years into
   * `tile_figures`; false when the dataset ships none (the CSV layout, or a partitioned one without
   * tiles): the caller then reads the rows.
   */
  tiles(indicatorId: string, years: readonly number[], view: string): Promise<boolean>;
  /**
   * Loads the pre-aggregated Profile standings (src/db/standings.ts) of a place's province into
   * `standing_places` and `standing_others`; false when the dataset ships none.
   */
  standings(regionCode: string, view: string): Promise<boolean>;
  /**
   * Makes every row of these places queryable (observations and their reports): their per-place files
   * when the dataset ships them (src/db/place-files.ts), otherwise their provinces' partitions for
   * `years` (default all).
   */
  places(regionCodes: readonly string[], view: string, years?: readonly number[] | 'all'): Promise<void>;
  /** Totals since start-up (bytes of partitions and summaries fetched). */
  readonly fetched: { partitions: number; files: number; bytes: number };
}

export const MARK_PARTITIONS_LOADED = 'atlas:partitions-loaded';

/** Publishes a load for the bench (scripts/bench reads performance marks), when marks exist. */
export function markLoad(report: LoadReport): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') {
    performance.mark(MARK_PARTITIONS_LOADED, { detail: report });
  }
}
