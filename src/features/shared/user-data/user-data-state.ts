/**
 * The page's one view of the stored datasets: what the store holds (summaries), whether its rows
 * are in DuckDB yet, and what went wrong. Module state (not React state) because DuckDB's start-up
 * loads the stored rows before any view queries, outside any component.
 */
import type { UserDatasetSummary } from '../../../core/user-data/types.ts';
import type { AfterUserRowsChange } from '../../../db/database.ts';
import type { Db } from '../../../db/db.ts';
import { ARROW_ROWS_FORMAT, type StoredDatasetMeta } from '../../../core/user-data/stored-rows.ts';
import { insertStoredDataset, insertStoredDatasets, type StoredDatasetBlob } from '../../../db/stored-datasets.ts';
import type { DivisionByCode } from '../../../db/user-tables.ts';
import { UserStoreError, createIndexedDbStore, type UserDataStore } from './store.ts';
import { readCheckedRowsOffPage, readManyOffPage } from './read-rows-off-page.ts';
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
 * Loads one stored dataset into DuckDB (a save): its blob is read, checked against the size and
 * sha256 its metadata recorded (a damaged blob is named, never loaded), handed to DuckDB and inserted
 * in one statement. Nothing here walks the rows on the page.
 */
export async function loadStoredIntoDb(db: Db, meta: StoredDatasetMeta, afterChange: AfterUserRowsChange | null = null): Promise<void> {
  const rows = await readCheckedRowsOffPage(userDataStore(), meta);
  await insertStoredDataset(db, meta, rows, divisionsByCode, afterChange);
}

/**
 * Datasets loaded together (stored-datasets.ts: one transaction and one view rebuild for the group): up
 * to this many, holding up to this many rows. A larger dataset loads alone, as it always did: its
 * insert, not the per-dataset steps, is its cost.
 */
const GROUP_DATASETS = 200;
const GROUP_ROWS = 50_000;

/** The stored datasets in load order, grouped: small ones together, a large one alone. */
export function loadGroups(metas: readonly StoredDatasetMeta[]): StoredDatasetMeta[][] {
  const groups: StoredDatasetMeta[][] = [];
  let group: StoredDatasetMeta[] = [];
  let rows = 0;
  for (const meta of metas) {
    if (group.length > 0 && (group.length >= GROUP_DATASETS || rows + meta.rows.rowCount > GROUP_ROWS)) {
      groups.push(group);
      group = [];
      rows = 0;
    }
    group.push(meta);
    rows += meta.rows.rowCount;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/**
 * Loads a group of stored datasets into DuckDB with their blobs as `reads` gives them (read and
 * checked off the page): a blob that cannot be read, or a dataset DuckDB cannot take, is returned as
 * skipped with its reason, and the others load.
 */
export async function loadGroupIntoDb(
  db: Db, metas: readonly StoredDatasetMeta[], reads: ReadonlyArray<Promise<Uint8Array>>, divisions: () => Promise<DivisionByCode> = divisionsByCode,
): Promise<SkippedRecord[]> {
  const started = performance.now();
  const settled = await Promise.allSettled(reads);
  // npm run bench:user-rows reads both: where the load's time goes (the store and the hash, or DuckDB).
  performance.measure('atlas:user-rows-read', { start: started, detail: { datasets: metas.length } });
  const skipped: SkippedRecord[] = [];
  const blobs: StoredDatasetBlob[] = [];
  settled.forEach((read, i) => {
    if (read.status === 'fulfilled') blobs.push({ meta: metas[i]!, rows: read.value });
    else skipped.push(skippedFor(metas[i]!.id, read.reason));
  });
  const inserting = performance.now();
  for (const { id, error } of await insertStoredDatasets(db, blobs, divisions)) skipped.push(skippedFor(id, error));
  performance.measure('atlas:user-rows-insert', { start: inserting, detail: { datasets: blobs.length, rows: blobs.reduce((n, b) => n + b.meta.rows.rowCount, 0) } });
  return skipped;
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

/** Reads a group's blobs (one worker), its failures held for the load to name (loadGroupIntoDb awaits each). */
function readGroup(metas: readonly StoredDatasetMeta[] | undefined): Array<Promise<Uint8Array>> {
  const reads = metas ? readManyOffPage(userDataStore(), metas) : [];
  for (const read of reads) read.catch(() => undefined);
  return reads;
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
      const groups = loadGroups(stored.values);
      // Blobs are not read while DuckDB starts (they competed with its start for the cores, docs/BENCHMARKS.md
      // "Start-up with 1,000,000 stored rows: the first answer first"): each group's are read while DuckDB inserts the one before.
      let reads = readGroup(groups[0]);
      const failed = new Set<string>();
      for (const [index, group] of groups.entries()) {
        const current = reads;
        reads = readGroup(groups[index + 1]);
        for (const skip of await loadGroupIntoDb(db, group, current)) { skipped.push(skip); failed.add(skip.key); }
      }
      const olderLayout = stored.values.filter((meta) => meta.rows.format !== ARROW_ROWS_FORMAT && !failed.has(meta.id)).map((meta) => meta.id);
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
