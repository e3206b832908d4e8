/** The batch import's conversion worker: numbered requests, each answered once; `dispose` ends it. */
import type { BatchRequest, BatchResponse } from './batch-protocol.ts';

type Request = BatchRequest extends infer R ? R extends BatchRequest ? Omit<R, 'id'> : never : never;

export class BatchWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, (response: BatchResponse) => void>();
  /** Sent to every worker this client starts (a restart after a crash or a timeout too). */
  private divisionsCsv: string | null = null;

  setDivisions(csv: string): void {
    this.divisionsCsv = csv;
    this.worker?.postMessage({ id: 0, kind: 'divisions', csv } satisfies BatchRequest);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./convert-report.worker.ts', import.meta.url), { type: 'module', name: 'convert-report' });
    worker.onmessage = (event: MessageEvent<BatchResponse>) => {
      const resolve = this.pending.get(event.data.id);
      this.pending.delete(event.data.id);
      resolve?.(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(event.message || 'the conversion worker failed to start');
    };
    if (this.divisionsCsv !== null) worker.postMessage({ id: 0, kind: 'divisions', csv: this.divisionsCsv } satisfies BatchRequest);
    this.worker = worker;
    return worker;
  }

  /** One request; past `timeoutMs` the worker is ended (a file that hangs it cannot hold up the rest) and the answer is crashed. */
  run(request: Request, transfer: Transferable[] = [], timeoutMs = 180_000): Promise<BatchResponse> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.fail(`no answer within ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
      this.pending.set(id, (response) => { clearTimeout(timer); resolve(response); });
      this.start().postMessage({ ...request, id } as BatchRequest, transfer);
    });
  }

  /** Ends the worker; every open request is answered as crashed (a file that crashed it is named, the rest can be retried). */
  fail(message: string): void {
    this.worker?.terminate();
    this.worker = null;
    const pending = [...this.pending.entries()];
    this.pending.clear();
    for (const [id, resolve] of pending) resolve({ id, kind: 'crashed', message });
  }

  dispose(): void {
    this.fail('cancelled');
  }
}
