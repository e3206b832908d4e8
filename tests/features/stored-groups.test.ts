/**
 * Start-up loads the stored datasets in groups (user-data-state.ts): small ones together, a large one
 * alone; within a group a blob whose sha256 differs from its record (read and checked as the worker
 * does, checked-rows.ts) is named with its reason for the My-data warning, and the others load.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrowRowsStream } from '../../src/core/user-data/stored-rows-arrow.ts';
import { ARROW_ROWS_FORMAT, STORED_ROW_COLUMNS, storedRowsMeta, type StoredDatasetMeta } from '../../src/core/user-data/stored-rows.ts';
import { prepareUserTables } from '../../src/db/user-rows.ts';
import { readCheckedRows } from '../../src/features/shared/user-data/checked-rows.ts';
import { digestHex } from '../../src/features/shared/user-data/encode-dataset.ts';
import { loadGroupIntoDb, loadGroups } from '../../src/features/shared/user-data/user-data-state.ts';
import { nodeFiles } from '../db/arrow-staging.ts';
import { openNodeDb, type NodeDb } from '../db/node-db.ts';
import { userDataset, userObservation } from '../db/user-dataset-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'stored-groups-'));
let db: NodeDb;
beforeAll(async () => {
  db = await openNodeDb();
  await prepareUserTables(db, nodeFiles(dir, () => db));
});
afterAll(() => { db.close(); rmSync(dir, { recursive: true }); });

const metaOf = (id: string, rowCount: number): StoredDatasetMeta => storedRowsMeta(userDataset({ id }), {
  format: ARROW_ROWS_FORMAT, columns: [...STORED_ROW_COLUMNS], rowCount, byteLength: 0, sha256: '0'.repeat(64) });

describe('stored datasets loaded in groups', () => {
  it('groups small datasets together (at most 200 a group) and loads a large one alone', () => {
    const small = (k: number) => metaOf(`user-s${k}`, 3);
    const groups = loadGroups([small(1), small(2), metaOf('user-large', 60_000), small(3), ...Array.from({ length: 250 }, (_, k) => small(10 + k))]);
    expect(groups.map((g) => g.length)).toEqual([2, 1, 200, 51]);
    expect(groups[1]![0]!.id).toBe('user-large');
    expect(loadGroups([])).toEqual([]);
  });

  it('names a blob whose sha256 differs, as the My-data warning shows it, and loads the rest of its group', async () => {
    const datasets = [0, 1, 2, 3].map((k) => userDataset({ id: `user-20261206-group-${k}` }, [userObservation({ value: k }), userObservation({ year: 2021, value: k + 10 })]));
    const blobs = new Map<string, Blob>();
    const metas = await Promise.all(datasets.map(async (d, k) => {
      const bytes = arrowRowsStream(d.observations);
      const meta = storedRowsMeta(d, { format: ARROW_ROWS_FORMAT, columns: [...STORED_ROW_COLUMNS], rowCount: 2, byteLength: bytes.length, sha256: await digestHex(bytes) });
      const stored = bytes.slice();
      if (k === 1) stored[stored.length - 20] = stored[stored.length - 20]! ^ 1; // damaged on disk after it was saved
      blobs.set(d.id, new Blob([stored]));
      return meta;
    }));
    const store = { readRows: async (id: string) => blobs.get(id) ?? null };
    const skipped = await loadGroupIntoDb(db, metas, metas.map((m) => readCheckedRows(store, m)), async () => () => null);
    expect(skipped).toEqual([{ key: datasets[1]!.id, problem: `${datasets[1]!.id}: the stored rows are damaged (sha256 differs)`, reason: { kind: 'rows-damaged' } }]);
    expect(await db.query("SELECT dataset_id, count(*)::INTEGER AS n FROM observations WHERE origin = 'user' GROUP BY dataset_id ORDER BY dataset_id"))
      .toEqual([0, 2, 3].map((k) => ({ dataset_id: datasets[k]!.id, n: 2 })));
  });
});
