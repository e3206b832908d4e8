/**
 * The extraction worker's client under Node with a stand-in Worker: answers reach the right
 * request, and cancel terminates the worker, rejects what was pending, and the next run starts a
 * fresh worker (a run inside the extractor cannot be interrupted any other way).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CancelledError, ReportWorkerClient } from '../../src/features/import/report/report-worker-client.ts';
import type { WorkerRequest } from '../../src/features/import/report/worker-protocol.ts';

class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  posted: WorkerRequest[] = [];
  terminated = false;
  constructor(readonly url: URL, readonly options: WorkerOptions) { FakeWorker.made.push(this); }
  postMessage(message: WorkerRequest) { this.posted.push(message); }
  terminate() { this.terminated = true; }
  answer(data: unknown) { this.onmessage?.({ data }); }
}

afterEach(() => { vi.unstubAllGlobals(); FakeWorker.made = []; });

describe('report worker client', () => {
  it('starts a module worker on first use and routes each answer to its request', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const client = new ReportWorkerClient();
    const running = client.run({ kind: 'decode', bytes: new ArrayBuffer(2) });
    const worker = FakeWorker.made[0]!;
    expect(worker.options.type).toBe('module');
    expect(worker.url.pathname).toMatch(/extract-report\.worker\.ts$/);
    const id = worker.posted[0]!.id;
    worker.answer({ id, kind: 'decoded', text: '正文', encoding: 'UTF-8' });
    await expect(running).resolves.toEqual({ id, kind: 'decoded', text: '正文', encoding: 'UTF-8' });
  });

  it('cancel terminates the worker and rejects what was pending; the next run gets a fresh worker', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const client = new ReportWorkerClient();
    const running = client.run({ kind: 'decode', bytes: new ArrayBuffer(2) });
    client.cancel();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    const next = client.run({ kind: 'decode', bytes: new ArrayBuffer(1) });
    expect(FakeWorker.made.length).toBe(2);
    const worker = FakeWorker.made[1]!;
    worker.answer({ id: worker.posted[0]!.id, kind: 'decode-failed', failure: { code: 'empty' } });
    await expect(next).resolves.toMatchObject({ kind: 'decode-failed' });
  });

  it('a worker that fails rejects its pending run with the reason, and is replaced', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const client = new ReportWorkerClient();
    const running = client.run({ kind: 'decode', bytes: new ArrayBuffer(2) });
    FakeWorker.made[0]!.onerror?.({ message: 'boom', preventDefault() {} });
    await expect(running).rejects.toThrow('boom');
    void client.run({ kind: 'decode', bytes: new ArrayBuffer(1) }).catch(() => undefined);
    expect(FakeWorker.made.length).toBe(2);
    client.dispose();
  });
});
