/**
 * One extraction worker for the import form, with cancel: a run cannot be interrupted inside
 * the extractor, so cancelling terminates the worker; the next request starts a fresh one.
 */
import type { WorkerRequest, WorkerResponse } from './worker-protocol.ts';

type Pending = { resolve: (response: WorkerResponse) => void; reject: (error: Error) => void };

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** Distributes a request without its id (the client numbers them). */
type Request = WorkerRequest extends infer R ? R extends WorkerRequest ? Omit<R, 'id'> : never : never;

export class ReportWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./extract-report.worker.ts', import.meta.url), { type: 'module', name: 'extract-report' });
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const pending = this.pending.get(event.data.id);
      this.pending.delete(event.data.id);
      pending?.resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error(event.message || 'the extraction worker failed to start'));
    };
    this.worker = worker;
    return worker;
  }

  run(request: Request, transfer: Transferable[] = []): Promise<WorkerResponse> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.start().postMessage({ ...request, id } as WorkerRequest, transfer);
    });
  }

  /** Stops whatever runs now; its promise rejects with CancelledError. */
  cancel(): void {
    this.fail(new CancelledError());
  }

  dispose(): void {
    this.cancel();
  }

  private fail(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(error);
  }
}
