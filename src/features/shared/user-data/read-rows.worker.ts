/**
 * Reads one stored dataset's blob and checks its size and sha256 (checked-rows.ts) off the page:
 * WebCrypto's `digest` of a million rows' 40 MB blob ran as one 1,086 ms task on the page's main
 * thread in Chromium (a start-up trace, docs/BENCHMARKS.md). One message in (the dataset's metadata),
 * one answer: the bytes (transferred, not copied) or the failure with its reason.
 */
import { StoredRowsError, type StoredDatasetMeta } from '../../../core/user-data/stored-rows.ts';
import type { SkipReason } from '../../../core/user-data/skip-reason.ts';
import { readCheckedRows } from './checked-rows.ts';
import { createIndexedDbStore } from './store.ts';

export type ReadRowsRequest = { meta: StoredDatasetMeta };
export type ReadRowsResponse = { bytes: Uint8Array } | { refused: string; reason: SkipReason } | { failed: string };

self.onmessage = async (event: MessageEvent<ReadRowsRequest>) => {
  try {
    const bytes = await readCheckedRows(createIndexedDbStore(), event.data.meta);
    self.postMessage({ bytes } satisfies ReadRowsResponse, { transfer: [bytes.buffer] });
  } catch (error) {
    if (error instanceof StoredRowsError) self.postMessage({ refused: error.message, reason: error.reason } satisfies ReadRowsResponse);
    else self.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies ReadRowsResponse);
  }
};
