/**
 * The browser's copy of the researcher's datasets: IndexedDB database `fazhi-atlas-user-data`
 * (through `idb`). A dataset is kept as a small metadata record plus ONE blob holding its rows as
 * DuckDB-ready CSV (src/core/user-data/stored-rows.ts), so start-up hands DuckDB each dataset in one
 * statement instead of checking and converting a million objects on the page. The metadata, the blob
 * and the list's summary are written or deleted in ONE transaction, so a failed or cancelled write
 * leaves the previous state whole. Nothing is ever deleted on an error: an unreadable record is
 * skipped with a warning and stays stored.
 *
 * Why IndexedDB and not OPFS: the blob and its metadata commit together in one transaction (an OPFS
 * file and an IndexedDB record cannot), Chromium keeps an IndexedDB blob as a file outside the
 * database (no structured clone of rows), and it works in the page and in workers in every browser
 * the app supports; OPFS would add a second store to keep consistent for no faster start-up (the
 * blob is read once into DuckDB).
 *
 * Schema versions (bump DB_VERSION and add a step to `upgrade`, never drop a store):
 *   1 — `datasets` (UserDataset with an `observations` array, key `id`), `summaries` (UserDatasetSummary, key `id`).
 *   2 — `meta` (StoredDatasetMeta, key `id`) and `rows` (the Blob, key = dataset id). A version-1
 *       record is rewritten into them once (`migrateLegacy`), in the transaction that deletes it.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { readStoredRows } from '../../../core/user-data/read-stored-rows.ts';
import type { StoredDatasetMeta } from '../../../core/user-data/stored-rows.ts';
import type { UserDataset, UserDatasetSummary } from '../../../core/user-data/types.ts';
import { encodeDataset, type EncodedDataset } from './encode-dataset.ts';
import { checkDataset, checkStoredMeta, checkSummary, partition, type SkippedRecord } from './validate-record.ts';

export const DB_NAME = 'fazhi-atlas-user-data';
export const DB_VERSION = 2;

interface UserDataSchema extends DBSchema {
  datasets: { key: string; value: UserDataset };
  summaries: { key: string; value: UserDatasetSummary };
  meta: { key: string; value: StoredDatasetMeta };
  rows: { key: string; value: Blob };
}

/** What the rest of the app needs from a store (the browser's IndexedDB one, or a test's). */
export interface UserDataStore {
  /** Readable summaries newest first, and the records that could not be read. */
  listSummaries(): Promise<{ values: UserDatasetSummary[]; skipped: SkippedRecord[] }>;
  /** Every readable dataset's metadata (start-up loads each one's rows into DuckDB), and the unreadable ones. */
  listStored(): Promise<{ values: StoredDatasetMeta[]; skipped: SkippedRecord[] }>;
  /** A dataset's metadata (its reports included), without its rows. */
  getMeta(id: string): Promise<StoredDatasetMeta | null>;
  /** The blob of a dataset's rows. */
  readRows(id: string): Promise<Blob | null>;
  /** A whole dataset, rows decoded (the CSV export). */
  get(id: string): Promise<UserDataset | null>;
  /** Encodes and writes a dataset (a pasted report, small); metadata, blob and summary together, or none. */
  put(dataset: UserDataset): Promise<void>;
  /** Writes what `encodeDataset` made (the table import's worker encodes its rows itself). */
  putEncoded(encoded: EncodedDataset): Promise<void>;
  /**
   * Writes a dataset re-encoded in the current layout (metadata, blob, summary in one transaction),
   * only if its stored blob is still the one with sha256 `replacing`: a dataset removed or replaced
   * meanwhile is left as it is (false).
   */
  replaceRows(encoded: EncodedDataset, replacing: string): Promise<boolean>;
  /** Deletes the dataset, its blob and its summary together, or none. */
  delete(id: string): Promise<void>;
  /**
   * Rewrites every version-1 record (rows as an array of objects) into the stored form, each in one
   * transaction that also deletes the old record: a record that cannot be read or written stays as it
   * was and is returned as skipped.
   */
  migrateLegacy(): Promise<SkippedRecord[]>;
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
        if (oldVersion < 2) {
          db.createObjectStore('meta', { keyPath: 'id' });
          db.createObjectStore('rows');
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
  const putEncoded = ({ meta, rows, summary }: EncodedDataset) => guarded(async (d) => {
    const tx = d.transaction(['meta', 'rows', 'summaries', 'datasets'], 'readwrite');
    // All in one transaction: if any fails (quota, abort) none is kept. An old record of the same id goes with it.
    await Promise.all([tx.objectStore('meta').put(meta), tx.objectStore('rows').put(rows, meta.id), tx.objectStore('summaries').put(summary),
      tx.objectStore('datasets').delete(meta.id), tx.done]);
  });
  const getMeta = (id: string) => guarded(async (d) => {
    const record = await d.get('meta', id);
    if (record === undefined) return null;
    const checked = checkStoredMeta(record, id);
    if (!checked.ok) throw new UserStoreError('failed', new Error(`${checked.skipped.key}: ${checked.skipped.problem}`));
    return checked.value;
  });
  return {
    listSummaries: () => guarded(async (d) => {
      const keys = await d.getAllKeys('summaries');
      const records = await d.getAll('summaries');
      const checked = partition(records.map((r, i) => checkSummary(r, String(keys[i] ?? i))));
      return { values: checked.values.sort(newestFirst), skipped: checked.skipped };
    }),
    listStored: () => guarded(async (d) => {
      const keys = await d.getAllKeys('meta');
      const records = await d.getAll('meta');
      return partition(records.map((r, i) => checkStoredMeta(r, String(keys[i] ?? i))));
    }),
    getMeta,
    readRows: (id) => guarded(async (d) => {
      const blob = await d.get('rows', id);
      return blob instanceof Blob ? blob : null;
    }),
    get: (id) => guarded(async (d) => {
      const meta = await getMeta(id);
      if (meta) {
        const blob = await d.get('rows', id);
        if (!(blob instanceof Blob)) throw new UserStoreError('failed', new Error(`${id}: the stored rows are missing`));
        return {
          id: meta.id, kind: meta.kind, fileName: meta.fileName, importedAt: meta.importedAt, encoding: meta.encoding, reports: meta.reports,
          observations: readStoredRows(meta.rows, new Uint8Array(await blob.arrayBuffer())),
        };
      }
      const legacy = await d.get('datasets', id);
      if (legacy === undefined) return null;
      const checked = checkDataset(legacy, id);
      if (!checked.ok) throw new UserStoreError('failed', new Error(`${checked.skipped.key}: ${checked.skipped.problem}`));
      return checked.value;
    }),
    put: async (dataset) => putEncoded(await encodeDataset(dataset)),
    putEncoded,
    replaceRows: ({ meta, rows, summary }, replacing) => guarded(async (d) => {
      const tx = d.transaction(['meta', 'rows', 'summaries'], 'readwrite');
      const current = await tx.objectStore('meta').get(meta.id);
      if (current?.rows?.sha256 !== replacing) {
        tx.abort();
        await tx.done.catch(() => undefined);
        return false;
      }
      await Promise.all([tx.objectStore('meta').put(meta), tx.objectStore('rows').put(rows, meta.id), tx.objectStore('summaries').put(summary), tx.done]);
      return true;
    }),
    delete: (id) => guarded(async (d) => {
      const tx = d.transaction(['meta', 'rows', 'summaries', 'datasets'], 'readwrite');
      await Promise.all([tx.objectStore('meta').delete(id), tx.objectStore('rows').delete(id), tx.objectStore('summaries').delete(id),
        tx.objectStore('datasets').delete(id), tx.done]);
    }),
    migrateLegacy: () => guarded(async (d) => {
      const skipped: SkippedRecord[] = [];
      for (const key of await d.getAllKeys('datasets')) {
        const checked = checkDataset(await d.get('datasets', key), String(key));
        if (!checked.ok) { skipped.push(checked.skipped); continue; }
        try {
          await putEncoded(await encodeDataset(checked.value));
        } catch (error) {
          // The transaction was not committed: the old record is still there, whole.
          const detail = error instanceof Error ? error.message : String(error);
          skipped.push({ key: String(key), problem: `not rewritten into the new form: ${detail}`, reason: { kind: 'not-rewritten', detail } });
        }
      }
      return skipped;
    }),
  };
}
