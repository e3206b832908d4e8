/**
 * Reads stored datasets' blobs and checks each one's size and sha256 (checked-rows.ts) off the page:
 * WebCrypto's `digest` of a million rows' 40 MB blob ran as one 1,086 ms task on the page's main
 * thread in Chromium (a start-up trace, docs/BENCHMARKS.md). One message in (the datasets' metadata,
 * many at once: a worker and a store connection per small dataset cost more than reading it), then
 * one answer per dataset, in the order asked: its bytes (transferred, not copied) or its failure with
 * the reason.
 */
import { StoredRowsError, type StoredDatasetMeta } from '../../../core/user-data/stored-rows.ts';
import type { SkipReason } from '../../../core/user-data/skip-reason.ts';
import { readCheckedRows } from './checked-rows.ts';
import { createIndexedDbStore } from './store.ts';

export type ReadRowsRequest = { metas: StoredDatasetMeta[] };
export type ReadRowsResponse = { bytes: Uint8Array } | { refused: string; reason: SkipReason } | { failed: string };

self.onmessage = async (event: MessageEvent<ReadRowsRequest>) => {
  const store = createIndexedDbStore();
  for (const meta of event.data.metas) {
    try {
      const bytes = await readCheckedRows(store, meta);
      self.postMessage({ bytes } satisfies ReadRowsResponse, { transfer: [bytes.buffer] });
    } catch (error) {
      if (error instanceof StoredRowsError) self.postMessage({ refused: error.message, reason: error.reason } satisfies ReadRowsResponse);
      else self.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies ReadRowsResponse);
    }
  }
};
