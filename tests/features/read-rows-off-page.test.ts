/**
 * The stored blob read in a worker: its bytes come back as they are, a refusal comes back as the same
 * StoredRowsError with its reason (the My-data warning names it alike), and a worker that fails reads
 * the blob on the page instead, checked as before. The worker is a stand-in that answers as the real
 * one does (read-rows.worker.ts); the page's own read and check are checked-rows.ts's.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoredRowsError, type StoredDatasetMeta } from '../../src/core/user-data/stored-rows.ts';
import { digestHex } from '../../src/features/shared/user-data/encode-dataset.ts';
import { readCheckedRowsOffPage, readManyOffPage } from '../../src/features/shared/user-data/read-rows-off-page.ts';
import type { ReadRowsResponse } from '../../src/features/shared/user-data/read-rows.worker.ts';

const bytes = new TextEncoder().encode('stored rows, SYNTHETIC');
const meta = async (): Promise<StoredDatasetMeta> => ({
  id: 'user-1', kind: 'table', fileName: 'a.csv', importedAt: '', encoding: 'utf-8', reports: [],
  rows: { format: 'arrow-v1', columns: [], rowCount: 1, byteLength: bytes.length, sha256: await digestHex(bytes) },
});

/** A Worker whose every instance answers `answer` (or fires an error event) to the first message. */
function stubWorker(answer: ReadRowsResponse | 'error'): { terminated: () => number } {
  let terminated = 0;
  class StubWorker {
    onmessage: ((event: { data: ReadRowsResponse }) => void) | null = null;
    onerror: ((event: { message: string }) => void) | null = null;
    postMessage(): void {
      queueMicrotask(() => (answer === 'error' ? this.onerror?.({ message: 'boom' }) : this.onmessage?.({ data: answer })));
    }
    terminate(): void { terminated += 1; }
  }
  vi.stubGlobal('Worker', StubWorker);
  return { terminated: () => terminated };
}

/** A Worker that answers the one message with `answers` in turn (the real one answers each dataset in the order asked); 'error' fires an error event and stops. */
function stubWorkerAnswers(answers: Array<ReadRowsResponse | 'error'>): { created: () => number; terminated: () => number } {
  let created = 0;
  let terminated = 0;
  class StubWorker {
    onmessage: ((event: { data: ReadRowsResponse }) => void) | null = null;
    onerror: ((event: { message: string }) => void) | null = null;
    constructor() { created += 1; }
    postMessage(): void {
      queueMicrotask(() => {
        for (const answer of answers) {
          if (answer === 'error') { this.onerror?.({ message: 'boom' }); return; }
          this.onmessage?.({ data: answer });
        }
      });
    }
    terminate(): void { terminated += 1; }
  }
  vi.stubGlobal('Worker', StubWorker);
  return { created: () => created, terminated: () => terminated };
}

afterEach(() => { vi.unstubAllGlobals(); vi.restoreAllMocks(); });

describe('reading a stored blob off the page', () => {
  it('returns the bytes the worker read and ends the worker, never reading on the page', async () => {
    const worker = stubWorker({ bytes });
    const readRows = vi.fn(async () => new Blob([bytes]));
    expect(await readCheckedRowsOffPage({ readRows }, await meta())).toEqual(bytes);
    expect(readRows).not.toHaveBeenCalled();
    expect(worker.terminated()).toBe(1);
  });

  it('raises the worker\'s refusal as a StoredRowsError with the same reason, without a second read', async () => {
    stubWorker({ refused: 'user-1: the stored rows are damaged (sha256 differs)', reason: { kind: 'rows-damaged' } });
    const readRows = vi.fn(async () => new Blob([bytes]));
    const error = await readCheckedRowsOffPage({ readRows }, await meta()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoredRowsError);
    expect((error as StoredRowsError).reason).toEqual({ kind: 'rows-damaged' });
    expect((error as StoredRowsError).message).toContain('user-1');
    expect(readRows).not.toHaveBeenCalled();
  });

  it.each([['a failure message', { failed: 'no IndexedDB in this worker' } as ReadRowsResponse], ['an error event', 'error' as const]])(
    'reads and checks on the page when the worker gives %s', async (_, answer) => {
      stubWorker(answer);
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const good = await readCheckedRowsOffPage({ readRows: async () => new Blob([bytes]) }, await meta());
      expect(good).toEqual(bytes);
      // The page's check still refuses a damaged blob.
      const damaged = bytes.slice();
      damaged[0] = damaged[0]! ^ 1;
      const error = await readCheckedRowsOffPage({ readRows: async () => new Blob([damaged]) }, await meta()).catch((e: unknown) => e);
      expect((error as StoredRowsError).reason).toEqual({ kind: 'rows-damaged' });
    });

  it('reads many datasets in one worker, each answer the next dataset\'s; after the worker fails, the rest are read on the page', async () => {
    const other = new TextEncoder().encode('other rows, SYNTHETIC');
    const metas = [await meta(), { ...(await meta()), id: 'user-2' }, { ...(await meta()), id: 'user-3', rows: { ...(await meta()).rows, byteLength: other.length, sha256: await digestHex(other) } }] as StoredDatasetMeta[];
    const worker = stubWorkerAnswers([{ bytes }, { refused: 'user-2: the stored rows are damaged (sha256 differs)', reason: { kind: 'rows-damaged' } }, 'error']);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const readRows = vi.fn(async (id: string) => new Blob([id === 'user-3' ? other : bytes]));
    const reads = await Promise.allSettled(readManyOffPage({ readRows }, metas));
    expect(reads[0]).toEqual({ status: 'fulfilled', value: bytes });
    const refused = reads[1]!;
    expect(refused.status === 'rejected' && (refused.reason as StoredRowsError).reason).toEqual({ kind: 'rows-damaged' });
    expect(reads[2]).toEqual({ status: 'fulfilled', value: other });
    expect(readRows.mock.calls).toEqual([['user-3']]); // only the one the worker never answered
    expect([worker.created(), worker.terminated()]).toEqual([1, 1]);
  });
});
