/**
 * The import form's side of the extraction worker: decode a file or extract a report, one task at
 * a time, with the elapsed time while it runs and a cancel that terminates the worker.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Report } from '../../../core/types.ts';
import { CancelledError, ReportWorkerClient } from './report-worker-client.ts';
import type { WorkerResponse } from './worker-protocol.ts';

export type Task = 'decode' | 'extract';

export function useExtractionWorker() {
  const client = useRef<ReportWorkerClient | null>(null);
  const [task, setTask] = useState<Task | null>(null);
  const [seconds, setSeconds] = useState(0);

  useEffect(() => () => client.current?.dispose(), []);
  useEffect(() => {
    if (!task) return undefined;
    const started = Date.now();
    setSeconds(0);
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [task]);

  /** Runs one task; resolves to null when it was cancelled (or superseded by a newer task). */
  const run = useCallback(async (kind: Task, send: (c: ReportWorkerClient) => Promise<WorkerResponse>): Promise<WorkerResponse | null> => {
    client.current ??= new ReportWorkerClient();
    client.current.cancel();
    setTask(kind);
    try {
      return await send(client.current);
    } catch (error) {
      if (error instanceof CancelledError) return null;
      return { id: 0, kind: 'crashed', message: error instanceof Error ? error.message : String(error) };
    } finally {
      setTask((current) => (current === kind ? null : current));
    }
  }, []);

  const decode = useCallback((bytes: ArrayBuffer) => run('decode', (c) => c.run({ kind: 'decode', bytes }, [bytes])), [run]);
  const extract = useCallback((report: Report) => run('extract', (c) => c.run({ kind: 'extract', report })), [run]);
  const cancel = useCallback(() => {
    client.current?.cancel();
    setTask(null);
  }, []);

  return { task, seconds, decode, extract, cancel };
}
