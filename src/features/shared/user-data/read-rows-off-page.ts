/**
 * Stored datasets' blobs read and checked in a worker (read-rows.worker.ts), so the sha256 of a large
 * blob never holds the page's main thread; many small datasets share one worker. A refusal (missing,
 * wrong size, damaged) comes back as the same StoredRowsError the page would have raised, with its
 * reason, so the My-data warning names it alike. Where there is no worker, or the worker itself fails
 * (not a refusal), the page reads and checks the blobs not yet answered as before (checked-rows.ts):
 * never a dataset lost to the worker.
 */
import { StoredRowsError, type StoredDatasetMeta } from '../../../core/user-data/stored-rows.ts';
import { readCheckedRows } from './checked-rows.ts';
import type { ReadRowsRequest, ReadRowsResponse } from './read-rows.worker.ts';
import type { UserDataStore } from './store.ts';

type Store = Pick<UserDataStore, 'readRows'>;

function answered(store: Store, meta: StoredDatasetMeta, answer: ReadRowsResponse): Promise<Uint8Array> {
  if ('bytes' in answer) return Promise.resolve(answer.bytes);
  if ('refused' in answer) return Promise.reject(new StoredRowsError(answer.refused, answer.reason));
  console.warn(`stored dataset ${meta.id} read on the page: ${answer.failed}`);
  return readCheckedRows(store, meta);
}

/** One read per dataset, in the order given; one worker reads them all, one after another. */
export function readManyOffPage(store: Store, metas: readonly StoredDatasetMeta[]): Array<Promise<Uint8Array>> {
  if (metas.length === 0) return [];
  if (typeof Worker === 'undefined') return metas.map((meta) => readCheckedRows(store, meta));
  const settle: Array<(read: Promise<Uint8Array>) => void> = [];
  const reads = metas.map((_, i) => new Promise<Uint8Array>((resolve) => { settle[i] = resolve; }));
  let next = 0;
  const worker = new Worker(new URL('./read-rows.worker.ts', import.meta.url), { type: 'module', name: 'read-stored-rows' });
  // The worker answers in the order asked: each answer is the next dataset's.
  worker.onmessage = (event: MessageEvent<ReadRowsResponse>) => {
    const i = next++;
    settle[i]!(answered(store, metas[i]!, event.data));
    if (next === metas.length) worker.terminate();
  };
  worker.onerror = (event) => {
    worker.terminate();
    for (; next < metas.length; next += 1) settle[next]!(answered(store, metas[next]!, { failed: event.message || 'the worker failed' }));
  };
  worker.postMessage({ metas: [...metas] } satisfies ReadRowsRequest);
  return reads;
}

export function readCheckedRowsOffPage(store: Store, meta: StoredDatasetMeta): Promise<Uint8Array> {
  return readManyOffPage(store, [meta])[0]!;
}
