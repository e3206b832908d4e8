/**
 * Where the researcher's stored rows are on their way into DuckDB, as the page must say it: the
 * dashboard answers from the shipped data while they load (browser-database.ts), so every view has
 * to know that its answer may still lack them (src/app/StoredRowsStatus.tsx).
 *
 * listing → the store is being read (how many rows is not known yet);
 * loading → `rows` rows are stored and not yet queryable: every answer lacks them;
 * in      → they are queryable, or there are none, or their load finished with an error (named in
 *           the My-data warning): answers are as complete as they will get;
 * failed  → DuckDB itself did not start (the views show that error).
 * The stage only moves forward: a count that arrives after the rows are in does not reopen it.
 */

export type StoredRowsStage = 'listing' | 'loading' | 'in' | 'failed';

export interface StoredRowsStatus {
  stage: StoredRowsStage;
  /** Rows the store holds (0 until it has been read). */
  rows: number;
}

export interface StoredRowsTracker {
  current(): StoredRowsStatus;
  subscribe(listener: (status: StoredRowsStatus) => void): () => void;
  /** The store was read: `rows` rows to load (none: nothing will load, so the answers are complete). */
  counted(rows: number): void;
  /** The load (and what follows it) is over: the rows are queryable, or failed to load and are named elsewhere. */
  loaded(): void;
  /** DuckDB did not start: no answer will come, with or without the rows. */
  failed(): void;
}

const ORDER: Record<StoredRowsStage, number> = { listing: 0, loading: 1, in: 2, failed: 2 };

/** `hasStore`: whether this page loads stored rows at all (without a store there is nothing to wait for). */
export function createStoredRowsTracker(hasStore: boolean): StoredRowsTracker {
  let status: StoredRowsStatus = { stage: hasStore ? 'listing' : 'in', rows: 0 };
  const listeners = new Set<(status: StoredRowsStatus) => void>();
  const move = (stage: StoredRowsStage, rows = status.rows): void => {
    const next = ORDER[stage] >= ORDER[status.stage] && status.stage !== 'failed' && status.stage !== 'in' ? stage : status.stage;
    if (next === status.stage && rows === status.rows) return;
    status = { stage: next, rows };
    for (const listener of listeners) listener(status);
  };
  return {
    current: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    counted: (rows) => move(rows > 0 ? 'loading' : 'in', rows),
    loaded: () => move('in'),
    failed: () => move('failed'),
  };
}
