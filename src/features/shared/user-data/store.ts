/**
 * The browser's copy of the researcher's datasets: IndexedDB database `fazhi-atlas-user-data`
 * (through `idb`). A dataset and its summary are written or deleted in ONE transaction, so a failed
 * or cancelled write leaves the previous state whole. Nothing is ever deleted on an error: an
 * unreadable record is skipped with a warning and stays stored.
 *
 * Schema versions (bump DB_VERSION and add a step to `upgrade`, never drop a store):
 *   1 — `datasets` (UserDataset, key `id`), `summaries` (UserDatasetSummary, key `id`).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { summarise, type UserDataset, type UserDatasetSummary } from '../../../core/user-data/types.ts';
import { checkDataset, checkSummary, partition, type SkippedRecord } from './validate-record.ts';

export const DB_NAME = 'fazhi-atlas-user-data';
export const DB_VERSION = 1;

interface UserDataSchema extends DBSchema {
  datasets: { key: string; value: UserDataset };
  summaries: { key: string; value: UserDatasetSummary };
}

/** What the rest of the app needs from a store (the browser's IndexedDB one, or a test's). */
export interface UserDataStore {
  /** Readable summaries newest first, and the records that could not be read. */
  listSummaries(): Promise<{ values: UserDatasetSummary[]; skipped: SkippedRecord[] }>;
  /** Every readable dataset (for loading into DuckDB at start-up), and the unreadable ones. */
  listDatasets(): Promise<{ values: UserDataset[]; skipped: SkippedRecord[] }>;
  get(id: string): Promise<UserDataset | null>;
  /** Writes the dataset and its summary together, or neither. */
  put(dataset: UserDataset): Promise<void>;
  /** Deletes the dataset and its summary together, or neither. */
  delete(id: string): Promise<void>;
}

/** Why the store failed, in words the UI can translate (the i18n catalog has one message per code). */
export type StoreErrorCode = 'unavailable' | 'blocked' | 'quota' | 'aborted' | 'failed';

export class UserStoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, cause: unknown) {
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super(`IndexedDB ${DB_NAME} (${code}): ${reason}`, { cause });
    this.name = 'UserStoreError';
    this.code = code;
  }
}

/** A DOMException's name mapped to what the user can do about it. */
export function classifyStoreError(error: unknown): StoreErrorCode {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return 'quota';
  if (name === 'AbortError') return 'aborted';
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError' || name === 'VersionError') return 'unavailable';
  return 'failed';
}

const wrapError = (error: unknown): UserStoreError =>
  error instanceof UserStoreError ? error : new UserStoreError(classifyStoreError(error), error);

export const newestFirst = (a: { importedAt: string; id: string }, b: { importedAt: string; id: string }): number =>
  b.importedAt.localeCompare(a.importedAt) || b.id.localeCompare(a.id);

function open(): Promise<IDBPDatabase<UserDataSchema>> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new UserStoreError('unavailable', new Error('this browser has no IndexedDB')));
  return new Promise((resolve, reject) => {
    openDB<UserDataSchema>(DB_NAME, DB_VERSION, {
      upgrade(db, oldVersion) {
        // Additive steps only: an older version's stores are kept with their records.
        if (oldVersion < 1) {
          db.createObjectStore('datasets', { keyPath: 'id' });
          db.createObjectStore('summaries', { keyPath: 'id' });
        }
      },
      // Another tab holds an older version open: say so instead of waiting for ever.
      blocked: () => reject(new UserStoreError('blocked', new Error('another tab of this app keeps an older version of the store open'))),
    }).then(resolve, (error: unknown) => reject(wrapError(error)));
  });
}

/** The IndexedDB store; the connection opens on first use and is reused. */
export function createIndexedDbStore(): UserDataStore {
  let connection: Promise<IDBPDatabase<UserDataSchema>> | null = null;
  const db = (): Promise<IDBPDatabase<UserDataSchema>> => {
    connection ??= open().then((opened) => {
      // A newer version in another tab wants to upgrade: let it, and reopen on next use.
      opened.onversionchange = () => { opened.close(); connection = null; };
      return opened;
    }, (error: unknown) => { connection = null; throw error; });
    return connection;
  };
  const guarded = async <T>(run: (d: IDBPDatabase<UserDataSchema>) => Promise<T>): Promise<T> => {
    try {
      return await run(await db());
    } catch (error) {
      throw wrapError(error);
    }
  };
  return {
    listSummaries: () => guarded(async (d) => {
      const keys = await d.getAllKeys('summaries');
      const records = await d.getAll('summaries');
      const checked = partition(records.map((r, i) => checkSummary(r, String(keys[i] ?? i))));
      return { values: checked.values.sort(newestFirst), skipped: checked.skipped };
    }),
    listDatasets: () => guarded(async (d) => {
      const keys = await d.getAllKeys('datasets');
      const records = await d.getAll('datasets');
      return partition(records.map((r, i) => checkDataset(r, String(keys[i] ?? i))));
    }),
    get: (id) => guarded(async (d) => {
      const record = await d.get('datasets', id);
      if (record === undefined) return null;
      const checked = checkDataset(record, id);
      if (!checked.ok) throw new UserStoreError('failed', new Error(`${checked.skipped.key}: ${checked.skipped.problem}`));
      return checked.value;
    }),
    put: (dataset) => guarded(async (d) => {
      const tx = d.transaction(['datasets', 'summaries'], 'readwrite');
      // Both puts in one transaction: if either fails (quota, abort) neither is kept.
      await Promise.all([tx.objectStore('datasets').put(dataset), tx.objectStore('summaries').put(summarise(dataset)), tx.done]);
    }),
    delete: (id) => guarded(async (d) => {
      const tx = d.transaction(['datasets', 'summaries'], 'readwrite');
      await Promise.all([tx.objectStore('datasets').delete(id), tx.objectStore('summaries').delete(id), tx.done]);
    }),
  };
}
