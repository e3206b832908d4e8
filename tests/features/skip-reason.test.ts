/**
 * Why a stored dataset could not be read travels as data (`SkipReason`), so the My-data warning says
 * it in the reader's language: the Chinese page showed DuckDB's and our English before.
 */
import { describe, expect, it } from 'vitest';
import type { SkipReason } from '../../src/core/user-data/skip-reason.ts';
import { StoredRowsError, type StoredDatasetMeta } from '../../src/core/user-data/stored-rows.ts';
import { readCheckedRows } from '../../src/features/shared/user-data/checked-rows.ts';
import { digestHex } from '../../src/features/shared/user-data/encode-dataset.ts';
import { checkDataset, skippedFor } from '../../src/features/shared/user-data/validate-record.ts';
import { USER_DATA_LIST_MESSAGES as USER_DATA_MESSAGES } from '../../src/features/i18n/views/user-data-list.ts';

const EVERY_REASON: SkipReason[] = [
  { kind: 'rows-missing' },
  { kind: 'rows-size', bytes: 1200, expected: 34567 },
  { kind: 'rows-damaged' },
  { kind: 'rows-count', read: 3, expected: 12000 },
  { kind: 'rows-unreadable', detail: 'Invalid Input Error: Arrow stream ended early' },
  { kind: 'rows-format', format: 'parquet-v9' },
  { kind: 'record-invalid', field: 'observations.1.value', detail: 'expected number' },
  { kind: 'record-invalid', field: '', detail: 'expected object' },
  { kind: 'not-rewritten', detail: 'QuotaExceededError' },
];

/** Latin words in a Chinese sentence, other than the values it quotes (a field path, a format, sha256). */
const englishWords = (text: string, r: SkipReason): string[] => {
  const quoted = ['sha256', 'field' in r ? r.field : '', 'format' in r ? r.format : ''].filter(Boolean);
  const rest = quoted.reduce((left, value) => left.replaceAll(value, ''), text);
  return rest.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
};

describe('the reason a stored dataset was skipped', () => {
  it.each(EVERY_REASON)('is worded in Chinese without English words, and in English ($kind)', (reason) => {
    const zh = USER_DATA_MESSAGES.zh.userDataSkipReason(reason);
    const en = USER_DATA_MESSAGES.en.userDataSkipReason(reason);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(englishWords(zh, reason)).toEqual([]);
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    expect(en).not.toBe(zh);
  });

  it('gives the figures a size or count mismatch is about, in both languages', () => {
    expect(USER_DATA_MESSAGES.zh.userDataSkipReason({ kind: 'rows-size', bytes: 1200, expected: 34567 })).toContain('1,200 字节,应为 34,567 字节');
    expect(USER_DATA_MESSAGES.en.userDataSkipReason({ kind: 'rows-count', read: 3, expected: 12000 })).toBe('3 rows read from the stored rows, 12,000 expected');
  });

  it('keeps the reason a StoredRowsError carries, and words any other error as unreadable rows with its message', () => {
    const counted = new StoredRowsError('user-1: 3 rows read from the stored file, 5 expected', { kind: 'rows-count', read: 3, expected: 5 });
    expect(skippedFor('user-1', counted)).toEqual({ key: 'user-1', problem: counted.message, reason: { kind: 'rows-count', read: 3, expected: 5 } });
    expect(skippedFor('user-2', new Error('Out of Memory Error\nmore'))).toEqual({
      key: 'user-2', problem: 'Out of Memory Error', reason: { kind: 'rows-unreadable', detail: 'Out of Memory Error' },
    });
  });

  it('names the field of a record that does not check', () => {
    const result = checkDataset({ id: 'user-20200101000000-x', kind: 'table', fileName: 'a.csv', importedAt: '', encoding: 'utf-8', reports: [], observations: 'rows' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.skipped.reason).toEqual({ kind: 'record-invalid', field: 'observations', detail: expect.any(String) });
  });
});

describe('a stored blob read back and checked', () => {
  const bytes = new TextEncoder().encode('stored rows');
  const metaFor = async (byteLength: number): Promise<StoredDatasetMeta> => ({
    id: 'user-1', kind: 'table', fileName: 'a.csv', importedAt: '', encoding: 'utf-8', reports: [],
    rows: { format: 'arrow-v1', columns: [], rowCount: 1, byteLength, sha256: await digestHex(bytes) },
  } as unknown as StoredDatasetMeta);
  const reasonOf = async (blob: Blob | null, meta: StoredDatasetMeta): Promise<SkipReason | null> =>
    readCheckedRows({ readRows: async () => blob }, meta).then(() => null, (e: unknown) => (e instanceof StoredRowsError ? e.reason : null));

  it('is missing, cut short or damaged, each with its own reason', async () => {
    const meta = await metaFor(bytes.length);
    expect(await reasonOf(null, meta)).toEqual({ kind: 'rows-missing' });
    expect(await reasonOf(new Blob([bytes.slice(0, 5)]), meta)).toEqual({ kind: 'rows-size', bytes: 5, expected: bytes.length });
    const flipped = bytes.slice();
    flipped[0] = flipped[0]! ^ 1;
    expect(await reasonOf(new Blob([flipped]), meta)).toEqual({ kind: 'rows-damaged' });
    expect(await reasonOf(new Blob([bytes]), meta)).toBeNull();
  });
});
