/**
 * A dataset turned into what the store keeps: one CSV blob for its rows, a small metadata record
 * (with the blob's row count, size and sha256) and the list entry's summary. Encoded in batches with
 * a pause between them, so it reports progress and, where it runs on the page (a pasted report, a
 * migration of an old record), never holds the main thread for long. The table import runs it in its
 * worker, where the rows already are.
 */
import { sha256Hex } from '../../../core/convert/sha256.ts';
import {
  encodeStoredRows, STORED_ROW_COLUMNS, STORED_ROWS_FORMAT, storedRowsHeader, storedRowsMeta, type StoredDatasetMeta,
} from '../../../core/user-data/stored-rows.ts';
import { summarise, type UserDataset, type UserDatasetSummary } from '../../../core/user-data/types.ts';

export interface EncodedDataset {
  meta: StoredDatasetMeta;
  rows: Blob;
  summary: UserDatasetSummary;
}

/** Rows per batch: ~5 MB of text, tens of milliseconds to encode. */
const BATCH_ROWS = 25_000;

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * sha256 of the bytes, hex: the platform's (off the page's thread, where it exists: secure contexts),
 * else the project's own (src/core/convert/sha256.ts, ~50 MB/s).
 */
export async function digestHex(bytes: ArrayBuffer): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) return [...new Uint8Array(await subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
  return sha256Hex(new Uint8Array(bytes));
}

/** `onProgress(fraction)` after every batch (0–1 of the encoding; hashing follows as the last step). */
export async function encodeDataset(dataset: UserDataset, onProgress: (fraction: number) => void = () => undefined): Promise<EncodedDataset> {
  const utf8 = new TextEncoder();
  const { observations } = dataset;
  const parts: Uint8Array[] = [utf8.encode(storedRowsHeader())];
  for (let start = 0; start < observations.length; start += BATCH_ROWS) {
    parts.push(utf8.encode(encodeStoredRows(observations, start, start + BATCH_ROWS)));
    onProgress(Math.min(1, (start + BATCH_ROWS) / Math.max(1, observations.length)));
    await pause();
  }
  const rows = new Blob(parts as BlobPart[], { type: 'text/csv' });
  const sha256 = await digestHex(await rows.arrayBuffer());
  const meta = storedRowsMeta(dataset, {
    format: STORED_ROWS_FORMAT, columns: [...STORED_ROW_COLUMNS], rowCount: observations.length, byteLength: rows.size, sha256,
  });
  return { meta, rows, summary: summarise(dataset) };
}
