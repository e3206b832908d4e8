/**
 * The page's one view of the stored datasets: what the store holds (summaries), whether its rows
 * are in DuckDB yet, and what went wrong. Module state (not React state) because DuckDB's start-up
 * loads the stored rows before any view queries, outside any component.
 */
import type { UserDatasetSummary } from '../../../core/user-data/types.ts';
import type { AfterUserRowsChange } from '../../../db/database.ts';
import type { Db } from '../../../db/db.ts';
import { ARROW_ROWS_FORMAT, type StoredDatasetMeta } from '../../../core/user-data/stored-rows.ts';
import { insertStoredDataset, type DivisionByCode } from '../../../db/user-rows.ts';
import { UserStoreError, createIndexedDbStore, type UserDataStore } from './store.ts';
import { readCheckedRowsOffPage } from './read-rows-off-page.ts';
import { divisionLookup } from './divisions.ts';
import type { RewriteRequest, RewriteResponse } from './rewrite-stored.worker.ts';
import { skippedFor, type SkippedRecord } from './validate-record.ts';

export interface UserDataState {
  summaries: UserDatasetSummary[];
  /** The store was read and its datasets loaded into DuckDB (or the attempt finished with an error). */
  ready: boolean;
  error: unknown;
  /** Stored records that could not be read or loaded; they stay stored. */
  skipped: SkippedRecord[];
}

let state: UserDataState = { summaries: [], ready: false, error: null, skipped: [] };
const listeners = new Set<() => void>();

export const getUserDataState = (): UserDataState => state;

export function subscribeUserData(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setUserDataState(patch: Partial<UserDataState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

let store: UserDataStore | null = null;
export const userDataStore = (): UserDataStore => (store ??= createIndexedDbStore());

/** The divisions as a lookup by code, fetched only when a dataset names a place the shipped data lacks. */
const divisionsByCode = async (): Promise<DivisionByCode> => {
  const lookup = await divisionLookup().catch(() => null);
  return (code) => lookup?.byCode(code) ?? null;
};

/**
 * Loads one stored dataset into DuckDB: its blob is read, checked against the size and sha256 its
 * metadata recorded (a damaged blob is named, never loaded), handed to DuckDB and inserted in one
 * statement. Nothing here walks the rows on the page.
 */
export async function loadStoredIntoDb(db: Db, meta: StoredDatasetMeta, afterChange: AfterUserRowsChange | null = null): Promise<void> {
  const started = performance.now();
  const rows = await (takeRead(meta) ?? readCheckedRowsOffPage(userDataStore(), meta));
  // npm run bench:user-rows reads both: where a dataset's load time goes (the store and the hash, or DuckDB).
  performance.measure('atlas:user-rows-read', { start: started, detail: { id: meta.id, format: meta.rows.format, bytes: meta.rows.byteLength } });
  const inserting = performance.now();
  await insertStoredDataset(db, meta, rows, divisionsByCode, afterChange);
  performance.measure('atlas:user-rows-insert', { start: inserting, detail: { id: meta.id, rows: meta.rows.rowCount } });
}

/**
 * Datasets that loaded from an older layout (CSV) are rewritten into the current one (Arrow) once, in
 * a worker, after start-up: the next start-up then loads them with one Arrow insert. Not awaited by
 * anything; a failure leaves the old record (it keeps loading) and is only logged.
 */
function rewriteOlderLayouts(ids: string[]): void {
  if (ids.length === 0 || typeof Worker === 'undefined') return;
  const worker = new Worker(new URL('./rewrite-stored.worker.ts', import.meta.url), { type: 'module', name: 'rewrite-stored' });
  worker.onmessage = (event: MessageEvent<RewriteResponse>) => {
    const answer = event.data;
    if ('done' in answer) worker.terminate();
    else if ('failed' in answer) console.warn(`stored dataset ${answer.id} kept in its older layout: ${answer.failed}`);
  };
  worker.onerror = () => worker.terminate();
  worker.postMessage({ ids } satisfies RewriteRequest);
}

/** How long start-up waits for the browser's store before showing the shipped data without it. */
const STORE_TIMEOUT_MS = 15_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new UserStoreError('unavailable', new Error(`no answer within ${ms / 1000} s`))), ms);
    promise.then((value) => { clearTimeout(timer); resolve(value); }, (error: unknown) => { clearTimeout(timer); reject(error); });
  });
}

type Listing = [migration: SkippedRecord[], stored: Awaited<ReturnType<UserDataStore['listStored']>>, summaries: Awaited<ReturnType<UserDataStore['listSummaries']>>];
let listed: Promise<Listing> | null = null;

/** The store's records, read once per page (old records rewritten into the stored form first, once). */
function listStore(): Promise<Listing> {
  listed ??= (async () => {
    const listing = performance.now();
    try {
      // A store that never answers must not leave the page saying its rows are loading for ever.
      return await withTimeout((async () => {
        const notMigrated = await userDataStore().migrateLegacy();
        return Promise.all([notMigrated, userDataStore().listStored(), userDataStore().listSummaries()]);
      })(), STORE_TIMEOUT_MS);
    } finally {
      performance.measure('atlas:user-rows-step', { start: listing, detail: 'store-list' }); // npm run bench:user-rows
    }
  })();
  return listed;
}

/**
 * Blobs read and checked ahead, by dataset id and sha256: the load reads the next dataset's blob while
 * DuckDB inserts the current one. Not while DuckDB starts: reading and hashing a million rows' blob
 * then (IndexedDB, a copy, WebCrypto) competed with DuckDB's start and the views' first answers for
 * the machine's cores (docs/BENCHMARKS.md "Start-up with 1,000,000 stored rows: the first answer
 * first"). Each is taken once: a later load (a save) reads afresh.
 */
const readAhead = new Map<string, Promise<Uint8Array>>();
const readKey = (meta: StoredDatasetMeta): string => `${meta.id} ${meta.rows.sha256}`;
function takeRead(meta: StoredDatasetMeta): Promise<Uint8Array> | undefined {
  const read = readAhead.get(readKey(meta));
  readAhead.delete(readKey(meta));
  return read;
}
function readAheadOf(meta: StoredDatasetMeta | undefined): void {
  if (!meta || readAhead.has(readKey(meta))) return;
  const read = readCheckedRowsOffPage(userDataStore(), meta);
  read.catch(() => undefined); // its error is the load's to name (loadStoredIntoDb awaits it)
  readAhead.set(readKey(meta), read);
}

/**
 * How many rows the stored datasets hold (what start-up will load), from their metadata alone: read
 * while DuckDB starts, so the page can say how many rows will follow. Never throws (0).
 */
export async function countStoredRows(): Promise<number> {
  const [, stored] = await listStore().catch(() => [[], { values: [] }] as const);
  return stored.values.reduce((sum, meta) => sum + meta.rows.rowCount, 0);
}

let loaded: Promise<void> | null = null;

/**
 * Loads every readable stored dataset into DuckDB, once per page. Never throws: a dataset that
 * cannot be read or loaded is named in `skipped` and stays stored.
 */
export function loadStoredDatasets(db: Db): Promise<void> {
  loaded ??= (async () => {
    performance.mark('atlas:user-rows-start'); // npm run bench:user-rows reads both marks
    try {
      const [migration, stored, summaries] = await listStore();
      const skipped = [...migration, ...stored.skipped, ...summaries.skipped];
      const olderLayout: string[] = [];
      for (const [index, meta] of stored.values.entries()) {
        readAheadOf(meta);
        readAheadOf(stored.values[index + 1]); // read and hashed while DuckDB inserts this one
        try {
          await loadStoredIntoDb(db, meta);
          if (meta.rows.format !== ARROW_ROWS_FORMAT) olderLayout.push(meta.id);
        } catch (error) {
          skipped.push(skippedFor(meta.id, error));
        }
      }
      setUserDataState({ summaries: summaries.values, skipped, ready: true, error: null });
      rewriteOlderLayouts(olderLayout);
    } catch (error) {
      setUserDataState({ ready: true, error });
    }
    performance.mark('atlas:user-rows-loaded');
  })();
  return loaded;
}

/** Re-reads the summaries after a change. */
export async function refreshSummaries(): Promise<void> {
  const { values, skipped } = await userDataStore().listSummaries();
  const others = state.skipped.filter((s) => !skipped.some((k) => k.key === s.key));
  setUserDataState({ summaries: values, skipped: [...others, ...skipped] });
}
