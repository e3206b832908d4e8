/** A dataset stored as CSV (csv-v1) is rewritten once as Arrow (arrow-v1), losing nothing; a failure leaves the old record whole. */
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/convert/sha256.ts';
import { readStoredRows } from '../../src/core/user-data/read-stored-rows.ts';
import { CSV_ROWS_FORMAT, STORED_ROW_COLUMNS, storedRowsMeta, storedRowsText, type StoredDatasetMeta } from '../../src/core/user-data/stored-rows.ts';
import { summarise, type UserDatasetSummary } from '../../src/core/user-data/types.ts';
import type { EncodedDataset } from '../../src/features/shared/user-data/encode-dataset.ts';
import { rewriteInCurrentLayout } from '../../src/features/shared/user-data/rewrite-stored.ts';
import { syntheticRows, userDataset, userObservation } from '../db/user-dataset-fixture.ts';

/** The three stores the rewrite touches, in memory; `replaceRows` as the IndexedDB one: only over the blob it was read from. */
function memoryStore(failWrite = false) {
  const meta = new Map<string, StoredDatasetMeta>();
  const rows = new Map<string, Blob>();
  const summaries = new Map<string, UserDatasetSummary>();
  return {
    meta, rows, summaries,
    getMeta: async (id: string) => meta.get(id) ?? null,
    readRows: async (id: string) => rows.get(id) ?? null,
    replaceRows: async (encoded: EncodedDataset, replacing: string) => {
      if (failWrite) throw new Error('QuotaExceededError: the disk is full');
      if (meta.get(encoded.meta.id)?.rows.sha256 !== replacing) return false;
      meta.set(encoded.meta.id, encoded.meta);
      rows.set(encoded.meta.id, encoded.rows);
      summaries.set(encoded.meta.id, encoded.summary);
      return true;
    },
  };
}

const dataset = userDataset({ id: 'user-20261201-old' }, [
  ...syntheticRows(3_001).map((o, i) => ({ ...o, quote: `第${i}行 "引号", 逗号\n换行` })),
  userObservation({ value: null, source_row: null, unit: '', region_name: '', flags: ['a', 'b'] }),
]);

function storeCsv(store: ReturnType<typeof memoryStore>): StoredDatasetMeta {
  const bytes = new TextEncoder().encode(storedRowsText(dataset.observations));
  const meta = storedRowsMeta(dataset, {
    format: CSV_ROWS_FORMAT, columns: [...STORED_ROW_COLUMNS], rowCount: dataset.observations.length, byteLength: bytes.length, sha256: sha256Hex(bytes),
  });
  store.meta.set(meta.id, meta);
  store.rows.set(meta.id, new Blob([bytes]));
  store.summaries.set(meta.id, summarise(dataset));
  return meta;
}

describe('rewriting a CSV-stored dataset as Arrow', () => {
  it('rewrites it once, every row and field kept, its record and summary describing the new blob', async () => {
    const store = memoryStore();
    storeCsv(store);
    expect(await rewriteInCurrentLayout(store, dataset.id)).toBe('rewritten');
    const meta = store.meta.get(dataset.id)!;
    const blob = store.rows.get(dataset.id)!;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(meta.rows).toEqual({ format: 'arrow-v1', columns: [...STORED_ROW_COLUMNS], rowCount: 3_002, byteLength: bytes.length, sha256: sha256Hex(bytes) });
    expect(readStoredRows(meta.rows, bytes)).toEqual(dataset.observations);
    expect({ ...meta, rows: null }).toEqual({ ...storedRowsMeta(dataset, meta.rows), rows: null });
    expect(store.summaries.get(dataset.id)).toEqual(summarise(dataset));
    // once: a second pass finds it current and writes nothing
    expect(await rewriteInCurrentLayout(store, dataset.id)).toBe('current');
    expect(store.rows.get(dataset.id)).toBe(blob);
  });

  it('leaves a damaged blob, a failed write and a dataset removed or replaced meanwhile as they were', async () => {
    const damaged = memoryStore();
    const before = storeCsv(damaged);
    damaged.rows.set(dataset.id, new Blob([new TextEncoder().encode(storedRowsText(dataset.observations).replace('第1行', '第7行'))]));
    await expect(rewriteInCurrentLayout(damaged, dataset.id)).rejects.toThrow(`${dataset.id}: the stored rows are damaged (sha256 differs)`);
    expect(damaged.meta.get(dataset.id)).toBe(before);

    const full = memoryStore(true);
    const kept = storeCsv(full);
    const keptBlob = full.rows.get(dataset.id);
    await expect(rewriteInCurrentLayout(full, dataset.id)).rejects.toThrow('QuotaExceededError');
    expect(full.meta.get(dataset.id)).toBe(kept);
    expect(full.rows.get(dataset.id)).toBe(keptBlob);

    const racing = memoryStore();
    storeCsv(racing);
    const replaceRows = racing.replaceRows;
    racing.replaceRows = async (encoded, replacing) => {
      racing.meta.delete(dataset.id); // removed by the page while the worker encoded
      return replaceRows(encoded, replacing);
    };
    expect(await rewriteInCurrentLayout(racing, dataset.id)).toBe('gone');
    expect(racing.meta.has(dataset.id)).toBe(false);
    expect(await rewriteInCurrentLayout(memoryStore(), 'user-20261201-none')).toBe('gone');
  });
});
