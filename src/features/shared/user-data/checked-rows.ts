/**
 * A stored dataset's blob, read and checked against the size and sha256 its metadata recorded: a
 * damaged or truncated blob is named (StoredRowsError), never loaded or rewritten.
 */
import { StoredRowsError, type StoredDatasetMeta } from '../../../core/user-data/stored-rows.ts';
import { digestHex } from './encode-dataset.ts';
import type { UserDataStore } from './store.ts';

export async function readCheckedRows(store: Pick<UserDataStore, 'readRows'>, meta: StoredDatasetMeta): Promise<Uint8Array> {
  const blob = await store.readRows(meta.id);
  if (!blob) throw new StoredRowsError(`${meta.id}: the stored rows are missing`, { kind: 'rows-missing' });
  if (blob.size !== meta.rows.byteLength) throw new StoredRowsError(`${meta.id}: the stored rows are ${blob.size} bytes, ${meta.rows.byteLength} expected`, { kind: 'rows-size', bytes: blob.size, expected: meta.rows.byteLength });
  const reading = performance.now();
  const bytes = new Uint8Array(await blob.arrayBuffer());
  performance.measure('atlas:user-rows-step', { start: reading, detail: 'read-blob' }); // npm run bench:user-rows
  const hashing = performance.now();
  const digest = await digestHex(bytes);
  // Which sha256 ran: WebCrypto (off the page's thread) where there is a secure context, else the TS one on the page.
  performance.measure('atlas:user-rows-step', { start: hashing, detail: globalThis.crypto?.subtle ? 'sha256-webcrypto' : 'sha256-ts' });
  if (digest !== meta.rows.sha256) throw new StoredRowsError(`${meta.id}: the stored rows are damaged (sha256 differs)`, { kind: 'rows-damaged' });
  return bytes;
}
