/**
 * What the app stored in this browser's user-data store (IndexedDB `fazhi-atlas-user-data`), read by
 * the tests through one in-page reader: a dataset's metadata (store `meta`), its rows blob (store
 * `rows`) and any record still in the old form (store `datasets`, rows as objects). Looking never
 * creates the database: with none there, nothing is stored. The reader either carries the blobs to
 * Node (`rows`: decoded here) or hashes them in the page (`fingerprints`: only text crosses), so a
 * check run after every file over ~100 datasets does not carry every blob each time.
 */
import type { Page } from 'playwright-core';
import { readStoredRows } from '../../src/core/user-data/read-stored-rows.ts';
import type { StoredRowsFormat } from '../../src/core/user-data/stored-rows.ts';
import type { UserDataset } from '../../src/core/user-data/types.ts';

type Meta = Record<string, unknown> & { id: unknown; rows: { format: StoredRowsFormat; columns: string[]; rowCount: number } };

/**
 * One read of the store as it crosses from the page. `blob`: the rows blob as base64 (`rows`) or as
 * `<size> bytes, sha256 <hex>` (`fingerprints`); null when the dataset has no blob. Old-form records
 * come whole (`rows`) or as their id and row count (`fingerprints`).
 */
interface StoreRead {
  stored: { meta: Meta; blob: string | null }[];
  legacy: unknown[];
}

/** Reads the store in the page, in one round trip; `only` limits the datasets whose blobs are read (null: all). */
function readStore(page: Page, mode: 'rows' | 'fingerprints', only: readonly string[] | null): Promise<StoreRead> {
  return page.evaluate(({ mode, only }) => new Promise<StoreRead>((resolve, reject) => {
    const open = indexedDB.open('fazhi-atlas-user-data');
    let creating = false;
    open.onupgradeneeded = () => { creating = true; open.transaction?.abort(); };
    open.onerror = () => (creating ? resolve({ stored: [], legacy: [] }) : reject(open.error));
    open.onsuccess = () => {
      const db = open.result;
      const names = ['datasets', 'meta', 'rows'].filter((n) => db.objectStoreNames.contains(n));
      if (names.length === 0) { db.close(); resolve({ stored: [], legacy: [] }); return; }
      const tx = db.transaction(names);
      const legacy = names.includes('datasets') ? tx.objectStore('datasets').getAll() : null;
      const metas = names.includes('meta') ? tx.objectStore('meta').getAll() : null;
      const blobs = names.includes('rows') ? tx.objectStore('rows').getAll() : null;
      const keys = names.includes('rows') ? tx.objectStore('rows').getAllKeys() : null;
      tx.oncomplete = async () => {
        db.close();
        // Bytes cross to Node as base64: an array of numbers per byte made this read the bad-input battery's largest cost.
        const base64 = (u8: Uint8Array): string => {
          let binary = '';
          for (let i = 0; i < u8.length; i += 0x8000) binary += String.fromCharCode(...u8.subarray(i, i + 0x8000));
          return btoa(binary);
        };
        const fingerprint = async (blob: Blob): Promise<string> => {
          const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
          return `${blob.size} bytes, sha256 ${[...digest].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
        };
        const byId = new Map((keys?.result ?? []).map((key, i) => [String(key), blobs!.result[i] as Blob]));
        // Every blob read and hashed at once, not one after the other: the battery reads ~100 after every file.
        const stored: StoreRead['stored'] = await Promise.all(((metas?.result ?? []) as Meta[])
          .filter((meta) => only === null || only.includes(String(meta.id)))
          .map(async (meta) => {
            const blob = byId.get(String(meta.id));
            return { meta, blob: !blob ? null : mode === 'rows' ? base64(new Uint8Array(await blob.arrayBuffer())) : await fingerprint(blob) };
          }));
        const records = (legacy?.result ?? []) as { id: unknown; observations?: unknown[] }[];
        resolve({ stored, legacy: mode === 'rows' ? records : records.map((r) => ({ id: r.id, count: r.observations?.length ?? -1 })) });
      };
      tx.onerror = () => reject(tx.error);
    };
  }), { mode, only: only === null ? null : [...only] });
}

/**
 * Every dataset in the store, as the app saved it: its metadata with its rows decoded from its blob
 * (`observations`, null when the blob is missing), then any old-form record whole. With `ids`, only
 * those datasets' blobs cross to Node (old-form records always come whole).
 */
export async function storedUserDatasets<T = UserDataset>(page: Page, ids?: readonly string[]): Promise<T[]> {
  const read = await readStore(page, 'rows', ids ?? null);
  const stored = read.stored.map(({ meta, blob }) => {
    const { rows, ...rest } = meta;
    return { ...rest, observations: blob === null ? null : readStoredRows(rows, new Uint8Array(Buffer.from(blob, 'base64'))) };
  });
  return [...stored, ...read.legacy] as T[];
}

/**
 * Every dataset in the store without carrying its rows to Node: id → `<rows> rows, <bytes> bytes,
 * sha256 <hex>` for a stored dataset (the row count its metadata records; the size and sha256 of its
 * rows blob, hashed in the page), `no rows blob` when the blob is missing, `<n> rows (old form)` for a
 * record still in the old form. Equal fingerprints mean the same bytes are stored;
 * `storedUserDatasets(page, ids)` decodes the rows of the datasets named.
 */
export async function storedUserDatasetFingerprints(page: Page): Promise<Record<string, string>> {
  const read = await readStore(page, 'fingerprints', null);
  const out: Record<string, string> = {};
  for (const { meta, blob } of read.stored) out[String(meta.id)] = blob === null ? 'no rows blob' : `${meta.rows.rowCount} rows, ${blob}`;
  for (const record of read.legacy as { id: unknown; count: number }[]) out[String(record.id)] = `${record.count} rows (old form)`;
  return out;
}
