/**
 * The page's one view of the stored datasets: what the store holds (summaries), whether its rows
 * are in DuckDB yet, and what went wrong. Module state (not React state) because DuckDB's start-up
 * loads the stored rows before any view queries, outside any component.
 */
import type { UserDatasetSummary } from '../../../core/user-data/types.ts';
import type { AfterUserRowsChange } from '../../../db/database.ts';
import type { Db } from '../../../db/db.ts';
import { insertUserDataset, unknownRegionCodes } from '../../../db/user-rows.ts';
import { UserStoreError, createIndexedDbStore, type UserDataStore } from './store.ts';
import { divisionLookup } from './divisions.ts';
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

/** Inserts a dataset's rows, fetching the divisions only if it names places the shipped data lacks. */
export async function loadIntoDb(db: Db, dataset: Parameters<typeof insertUserDataset>[1], afterChange: AfterUserRowsChange | null = null): Promise<void> {
  const codes = [...new Set([...dataset.observations.map((o) => o.region_code), ...dataset.reports.map((r) => r.meta.region_code)])]
    .filter(Boolean);
  const lookup = (await unknownRegionCodes(db, codes)).length > 0 ? await divisionLookup().catch(() => null) : null;
  await insertUserDataset(db, dataset, (code) => lookup?.byCode(code) ?? null, afterChange);
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

/** Reads the store and loads every readable dataset into DuckDB, once per page. Never throws. */
export function loadStoredDatasets(db: Db): Promise<void> {
  loaded ??= (async () => {
    try {
      // The dashboard waits for this: a store that never answers must not keep it from starting.
      const [datasets, summaries] = await withTimeout(
        Promise.all([userDataStore().listDatasets(), userDataStore().listSummaries()]), STORE_TIMEOUT_MS);
      const skipped = [...datasets.skipped, ...summaries.skipped];
      for (const dataset of datasets.values) {
        try {
          await loadIntoDb(db, dataset);
        } catch (error) {
          skipped.push({ key: dataset.id, problem: error instanceof Error ? error.message.split('\n')[0]! : String(error) });
        }
      }
      setUserDataState({ summaries: summaries.values, skipped, ready: true, error: null });
    } catch (error) {
      setUserDataState({ ready: true, error });
    }
  })();
  return loaded;
}

/** Re-reads the summaries after a change. */
export async function refreshSummaries(): Promise<void> {
  const { values, skipped } = await userDataStore().listSummaries();
  const others = state.skipped.filter((s) => !skipped.some((k) => k.key === s.key));
  setUserDataState({ summaries: values, skipped: [...others, ...skipped] });
}
