/**
 * A dataset turned into what the store keeps: one Arrow IPC blob for its rows (`arrow-v1`,
 * src/core/user-data/stored-rows-arrow.ts), a small metadata record (with the blob's row count, size
 * and sha256) and the list entry's summary. Encoded in batches with a pause between them, so it
 * reports progress and, where it runs on the page (a pasted report, a migration of an old record),
 * never holds the main thread for long. The table import runs it in its worker, where the rows
 * already are; the rewrite of an old CSV blob runs in its own worker (rewrite-stored.worker.ts).
 */
import { sha256Hex } from '../../../core/convert/sha256.ts';
import { ArrowRowsEncoder } from '../../../core/user-data/stored-rows-arrow.ts';
import { ARROW_ROWS_FORMAT, STORED_ROW_COLUMNS, storedRowsMeta, type StoredDatasetMeta } from '../../../core/user-data/stored-rows.ts';
import { summarise, type UserDataset, type UserDatasetSummary } from '../../../core/user-data/types.ts';

export interface EncodedDataset {
  meta: StoredDatasetMeta;
  rows: Blob;
  summary: UserDatasetSummary;
}

/** Rows per batch (and per Arrow record batch): tens of milliseconds to encode. */
export const BATCH_ROWS = 25_000;

export const ARROW_STREAM_TYPE = 'application/vnd.apache.arrow.stream';

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * sha256 of the bytes, hex: the platform's (WebCrypto runs it off the page's thread, where it exists:
 * secure contexts, localhost included), else the project's own (src/core/convert/sha256.ts, ~50 MB/s).
 */
export async function digestHex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) return [...new Uint8Array(await subtle.digest('SHA-256', bytes as BufferSource))].map((b) => b.toString(16).padStart(2, '0')).join('');
  return sha256Hex(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
}

/** `onProgress(fraction)` after every batch (0–1 of the encoding; the stream and its hash follow as the last step). */
export async function encodeDataset(dataset: UserDataset, onProgress: (fraction: number) => void = () => undefined): Promise<EncodedDataset> {
  const { observations } = dataset;
  const encoder = new ArrowRowsEncoder();
  for (let start = 0; start < observations.length; start += BATCH_ROWS) {
    encoder.add(observations, start, start + BATCH_ROWS);
    onProgress(Math.min(1, (start + BATCH_ROWS) / Math.max(1, observations.length)));
    await pause();
  }
  const stream = encoder.finish();
  const sha256 = await digestHex(stream);
  const rows = new Blob([stream as BlobPart], { type: ARROW_STREAM_TYPE });
  const meta = storedRowsMeta(dataset, {
    format: ARROW_ROWS_FORMAT, columns: [...STORED_ROW_COLUMNS], rowCount: observations.length, byteLength: stream.length, sha256,
  });
  return { meta, rows, summary: summarise(dataset) };
}
