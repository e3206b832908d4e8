/**
 * The page's one view of the stored datasets: what the store holds (summaries), whether its rows
 * are in DuckDB yet, and what went wrong. Module state (not React state) because DuckDB's start-up
 * loads the stored rows before any view queries, outside any component.
 */
import type { UserDatasetSummary } from '../../../core/user-data/types.ts';
import type { AfterUserRowsChange } from '../../../db/database.ts';
import type { Db } from '../../../db/db.ts';
import { StoredRowsError, type StoredDatasetMeta } from '../../../core/user-data/stored-rows.ts';
import { insertStoredDataset, type DivisionByCode } from '../../../db/user-rows.ts';
import { UserStoreError, createIndexedDbStore, type UserDataStore } from './store.ts';
import { divisionLookup } from './divisions.ts';
import { digestHex } from './encode-dataset.ts';
import type { SkippedRecord } from './validate-record.ts';

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
  const blob = await userDataStore().readRows(meta.id);
  if (!blob) throw new StoredRowsError(`${meta.id}: the stored rows are missing`);
  if (blob.size !== meta.rows.byteLength) throw new StoredRowsError(`${meta.id}: the stored rows are ${blob.size} bytes, ${meta.rows.byteLength} expected`);
  const bytes = await blob.arrayBuffer();
  if (await digestHex(bytes) !== meta.rows.sha256) throw new StoredRowsError(`${meta.id}: the stored rows are damaged (sha256 differs)`);
  await insertStoredDataset(db, meta, new Uint8Array(bytes), divisionsByCode, afterChange);
}

let loaded: Promise<void> | null = null;

/** How long start-up waits for the browser's store before showing the shipped data without it. */
const STORE_TIMEOUT_MS = 15_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new UserStoreError('unavailable', new Error(`no answer within ${ms / 1000} s`))), ms);
    promise.then((value) => { clearTimeout(timer); resolve(value); }, (error: unknown) => { clearTimeout(timer); reject(error); });
  });
}

/**
 * Reads the store and loads every readable dataset into DuckDB, once per page. Never throws. Old
 * records (rows as objects) are rewritten into the stored form first, once.
 */
export function loadStoredDatasets(db: Db): Promise<void> {
  loaded ??= (async () => {
    performance.mark('atlas:user-rows-start'); // npm run bench:user-rows reads both marks
    try {
      // The dashboard waits for this: a store that never answers must not keep it from starting.
      const [migration, stored, summaries] = await withTimeout((async () => {
        const notMigrated = await userDataStore().migrateLegacy();
        return Promise.all([notMigrated, userDataStore().listStored(), userDataStore().listSummaries()]);
      })(), STORE_TIMEOUT_MS);
      const skipped = [...migration, ...stored.skipped, ...summaries.skipped];
      for (const meta of stored.values) {
        try {
          await loadStoredIntoDb(db, meta);
        } catch (error) {
          skipped.push({ key: meta.id, problem: error instanceof Error ? error.message.split('\n')[0]! : String(error) });
        }
      }
      setUserDataState({ summaries: summaries.values, skipped, ready: true, error: null });
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
