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
  const bytes = new Uint8Array(await blob.arrayBuffer());
  if (await digestHex(bytes) !== meta.rows.sha256) throw new StoredRowsError(`${meta.id}: the stored rows are damaged (sha256 differs)`, { kind: 'rows-damaged' });
  return bytes;
}
