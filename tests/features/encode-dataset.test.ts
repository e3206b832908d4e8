/** What the store keeps for a dataset: one blob whose size, hash and row count are recorded beside it, and which reads back whole. */
import { describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../src/core/convert/sha256.ts';
import { decodeArrowRows } from '../../src/core/user-data/stored-rows-arrow.ts';
import { ARROW_ROWS_FORMAT } from '../../src/core/user-data/stored-rows.ts';
import { summarise } from '../../src/core/user-data/types.ts';
import { digestHex, encodeDataset } from '../../src/features/shared/user-data/encode-dataset.ts';
import { syntheticRows, userDataset } from '../db/user-dataset-fixture.ts';

describe('encodeDataset', () => {
  it('records the blob\'s row count, size and sha256, and the blob reads back as the same rows (batches included)', async () => {
    const dataset = userDataset({ id: 'user-20261205-encode' }, syntheticRows(60_001)); // three batches and one row
    const fractions: number[] = [];
    const { meta, rows, summary } = await encodeDataset(dataset, (f) => fractions.push(f));
    const bytes = new Uint8Array(await rows.arrayBuffer());
    expect(meta.rows).toMatchObject({ format: ARROW_ROWS_FORMAT, rowCount: 60_001, byteLength: bytes.length, sha256: sha256Hex(bytes) });
    expect(meta.reports).toEqual(dataset.reports);
    expect(summary).toEqual(summarise(dataset));
    expect(fractions).toEqual([25_000 / 60_001, 50_000 / 60_001, 1]);
    expect(decodeArrowRows(bytes, meta.rows.columns)).toEqual(dataset.observations);
  });

  it('hashes with the platform or, without it, with the project\'s own sha256 to the same digest', async () => {
    const bytes = new TextEncoder().encode('法治 "quoted", 1\n');
    const expected = sha256Hex(bytes);
    expect(await digestHex(bytes.buffer)).toBe(expected);
    vi.stubGlobal('crypto', undefined); // a page on plain http has no SubtleCrypto
    try {
      expect(await digestHex(bytes.buffer)).toBe(expected);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
