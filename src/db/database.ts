/**
 * The page's one door to the database: a handle created once at start-up (src/app/main.tsx,
 * `createBrowserDatabase`) and handed down to the views through a React context
 * (src/features/shared/database.tsx). Nothing reaches the database through module state: who
 * queries it holds the handle, and who must hear of a change subscribes to it.
 *
 * Behind it, `Db` (db.ts) is the narrow query door every typed query in src/db/queries takes; the
 * Node tests build the same `Db` over @duckdb/node-api (scripts/lib/node-db.ts).
 */
import type { Db } from './db.ts';
import type { Scope } from './sources/scope.ts';
import type { DataSource } from './sources/source.ts';
import type { StoredRowsStatus } from './stored-rows-status.ts';

/** How far start-up has got: loading the code → starting DuckDB → loading the tables → ready (or failed). */
export type DbStage = 'idle' | 'code' | 'engine' | 'tables' | 'ready' | 'failed';

/**
 * What must follow a change of the user rows, inside the change's transaction: recomputing the
 * pre-aggregates where the page computed them (the CSV layout). src/db/user-rows.ts takes it.
 */
export type AfterUserRowsChange = (db: Db) => Promise<void>;

export interface Database {
  /** The database with the scope's rows loaded; `view` names who asked (reported with the bytes fetched). */
  forScope(scope: Scope, view: string): Promise<Db>;
  /**
   * The database with every row of these places loaded: their per-place files on a dataset that ships
   * them (src/db/place-files.ts: a few tens of KB each), otherwise their provinces' partitions.
   */
  forPlaces(regionCodes: readonly string[], view: string): Promise<Db>;
  /**
   * The database with the pre-aggregated tiles of an indicator for these years loaded (src/db/tiles.ts),
   * or null when the dataset ships none: the caller reads the rows (`forScope`) instead.
   */
  forTiles(indicatorId: string, years: readonly number[], view: string): Promise<Db | null>;
  /** The database with a place's pre-aggregated Profile standings loaded (src/db/standings.ts), or null when the dataset ships none. */
  forStandings(regionCode: string, view: string): Promise<Db | null>;
  /**
   * The database with an observation's row loaded: a figure a view drew from a tile has its place's
   * file (or, without place files, its partition: its place and year) fetched now, for the source
   * panel; otherwise the row is one a view loaded.
   */
  forObservation(obsId: string, view: string): Promise<Db>;
  /** The whole dataset: every partition of a partitioned one (docs/ARCHITECTURE.md). */
  whole(): Promise<Db>;
  /** The database as loaded now, without fetching anything more (start-up, a detail of what a view shows). */
  loaded(): Promise<Db>;
  /** The dataset's source (its manifest says whether it is synthetic). */
  source(): Promise<DataSource>;
  /**
   * The database for changing the user rows, with what must follow each change: resolves once the
   * stored rows are in (asking for it starts their load at once, without waiting for the views).
   */
  userRows(): Promise<{ db: Db; afterChange: AfterUserRowsChange | null }>;
  /** Where the stored rows are (stored-rows-status.ts): the views answer without them until they are in. */
  storedRows(): StoredRowsStatus;
  onStoredRows(listener: (status: StoredRowsStatus) => void): () => void;
  /** The start-up stage now, and a subscription to its changes (returns the unsubscribe function). */
  stage(): DbStage;
  onStage(listener: (stage: DbStage) => void): () => void;
}
