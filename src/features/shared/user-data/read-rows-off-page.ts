/**
 * A stored dataset's blob read and checked in a worker (read-rows.worker.ts), so the sha256 of a large
 * blob never holds the page's main thread. A refusal (missing, wrong size, damaged) comes back as the
 * same StoredRowsError the page would have raised, with its reason, so the My-data warning names it
 * alike. Where there is no worker, or the worker itself fails (not a refusal), the page reads and
 * checks the blob as before (checked-rows.ts): never a dataset lost to the worker.
 */
import { StoredRowsError, type StoredDatasetMeta } from '../../../core/user-data/stored-rows.ts';
import { readCheckedRows } from './checked-rows.ts';
import type { ReadRowsRequest, ReadRowsResponse } from './read-rows.worker.ts';
import type { UserDataStore } from './store.ts';

function inWorker(meta: StoredDatasetMeta): Promise<ReadRowsResponse> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./read-rows.worker.ts', import.meta.url), { type: 'module', name: 'read-stored-rows' });
    worker.onmessage = (event: MessageEvent<ReadRowsResponse>) => { worker.terminate(); resolve(event.data); };
    worker.onerror = (event) => { worker.terminate(); resolve({ failed: event.message || 'the worker failed' }); };
    worker.postMessage({ meta } satisfies ReadRowsRequest);
  });
}

export async function readCheckedRowsOffPage(store: Pick<UserDataStore, 'readRows'>, meta: StoredDatasetMeta): Promise<Uint8Array> {
  if (typeof Worker === 'undefined') return readCheckedRows(store, meta);
  const answer = await inWorker(meta);
  if ('bytes' in answer) return answer.bytes;
  if ('refused' in answer) throw new StoredRowsError(answer.refused, answer.reason);
  console.warn(`stored dataset ${meta.id} read on the page: ${answer.failed}`);
  return readCheckedRows(store, meta);
}
