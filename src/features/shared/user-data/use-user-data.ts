/**
 * The API the importers and the My-data list use: the stored datasets, and save / remove / export.
 * A save is atomic twice over: the whole dataset goes into IndexedDB in one transaction, then into
 * DuckDB in one transaction; if DuckDB refuses it, the stored copy is taken back out, so a failed
 * import never changes what was stored. Then every chart's query is refreshed.
 *
 * A table's rows never reach the page: its import worker writes the dataset into the store itself,
 * and the page only `adopt`s it (loads the stored blob into DuckDB, as start-up does).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { UserDataset, UserDatasetSummary } from '../../../core/user-data/types.ts';
import type { Database } from '../../../db/database.ts';
import { deleteUserDataset } from '../../../db/user-rows.ts';
import { useDatabase } from '../database.tsx';
import { downloadBlob } from '../export/download.ts';
import type { ExportRequest, ExportResponse } from './export-csv.worker.ts';
import {
  getUserDataState, loadStoredDatasets, loadStoredIntoDb, refreshSummaries, subscribeUserData, userDataStore,
} from './user-data-state.ts';
import { checkDataset, type SkippedRecord } from './validate-record.ts';

export interface UserDataApi {
  /** Stored datasets, newest first. */
  summaries: UserDatasetSummary[];
  /** The store was opened and its rows loaded into DuckDB. */
  ready: boolean;
  error: unknown;
  /** Stored records that could not be read (kept stored, listed as a warning). */
  skipped: SkippedRecord[];
  save(dataset: UserDataset): Promise<void>;
  /** Loads a dataset another context (the table import's worker) has just stored; removes it from the store if DuckDB refuses it. */
  adopt(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  exportCsv(id: string): Promise<void>;
}

/** One change at a time: a save and a remove never interleave their two stores. */
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/** DuckDB with the stored rows loaded (start-up loads them; this waits for it), and what follows a change. */
async function readyDb(database: Database) {
  const target = await database.userRows(); // user rows need the tables, not every partition of a partitioned dataset
  await loadStoredDatasets(target.db);
  return target;
}

/** The stored dataset as a CSV file, decoded and written in a worker (export-csv.worker.ts), never on the page. */
function csvInWorker(id: string): Promise<{ file: Blob; fileName: string }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./export-csv.worker.ts', import.meta.url), { type: 'module', name: 'export-csv' });
    worker.onmessage = (event: MessageEvent<ExportResponse>) => {
      worker.terminate();
      if ('failed' in event.data) reject(new Error(event.data.failed));
      else resolve(event.data);
    };
    worker.onerror = (event) => { worker.terminate(); reject(new Error(event.message || 'the export worker failed')); };
    worker.postMessage({ id } satisfies ExportRequest);
  });
}

export function useUserData(): UserDataApi {
  const state = useSyncExternalStore(subscribeUserData, getUserDataState);
  const queryClient = useQueryClient();
  const database = useDatabase();

  useEffect(() => { void readyDb(database).catch(() => undefined); }, [database]);

  const refreshCharts = useCallback(
    () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'divisions' }),
    [queryClient],
  );

  const save = useCallback((dataset: UserDataset) => serial(async () => {
    const checked = checkDataset(dataset);
    if (!checked.ok) throw new Error(`${checked.skipped.key}: ${checked.skipped.problem}`);
    const { db, afterChange } = await readyDb(database);
    const store = userDataStore();
    const previous = await store.get(dataset.id).catch(() => null); // ids are fresh per import; this guards a re-save
    await store.put(dataset);
    try {
      const meta = await store.getMeta(dataset.id);
      if (!meta) throw new Error(`${dataset.id}: not found in the store after writing it`);
      await loadStoredIntoDb(db, meta, afterChange);
    } catch (error) {
      // Not kept if it cannot be shown: the store goes back to what it held before.
      await (previous ? store.put(previous) : store.delete(dataset.id));
      throw error;
    }
    await refreshSummaries();
    await refreshCharts();
  }), [database, refreshCharts]);

  const adopt = useCallback((id: string) => serial(async () => {
    const { db, afterChange } = await readyDb(database);
    const store = userDataStore();
    try {
      const meta = await store.getMeta(id);
      if (!meta) throw new Error(`${id}: not found in the store`);
      await loadStoredIntoDb(db, meta, afterChange);
    } catch (error) {
      await store.delete(id); // not kept if it cannot be shown
      throw error;
    }
    await refreshSummaries();
    await refreshCharts();
  }), [database, refreshCharts]);

  const remove = useCallback((id: string) => serial(async () => {
    const { db, afterChange } = await readyDb(database);
    await userDataStore().delete(id);
    await deleteUserDataset(db, id, afterChange);
    await refreshSummaries();
    await refreshCharts();
  }), [database, refreshCharts]);

  const exportCsv = useCallback(async (id: string) => {
    const { file, fileName } = await csvInWorker(id);
    downloadBlob(file, fileName);
  }, []);

  return { ...state, save, adopt, remove, exportCsv };
}
