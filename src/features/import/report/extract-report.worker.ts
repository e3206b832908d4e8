/**
 * The extraction worker: decodes a dropped file and runs the pipeline's own extractor
 * (src/core/extract) off the main thread, so a huge or hostile text never freezes the page.
 * The form cancels a run by terminating this worker and starting a fresh one.
 */
import { extractReport } from '../../../core/extract/extract-report.ts';
import { decodeReportBytes, MAX_REPORT_CHARS } from '../../../core/user-data/decode-report-bytes.ts';
import type { WorkerRequest, WorkerResponse } from './worker-protocol.ts';

// The DOM typings describe `self` as a window; in a worker it is a DedicatedWorkerGlobalScope.
const scope = self as unknown as { onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null; postMessage(message: WorkerResponse): void };

scope.onmessage = (event) => {
  const request = event.data;
  try {
    if (request.kind === 'decode') {
      const decoded = decodeReportBytes(new Uint8Array(request.bytes));
      scope.postMessage(decoded.ok
        ? { id: request.id, kind: 'decoded', text: decoded.text, encoding: decoded.encoding }
        : { id: request.id, kind: 'decode-failed', failure: decoded.failure });
      return;
    }
    if (request.report.body.length > MAX_REPORT_CHARS) {
      scope.postMessage({ id: request.id, kind: 'decode-failed', failure: { code: 'too-long', chars: request.report.body.length, limit: MAX_REPORT_CHARS } });
      return;
    }
    const started = performance.now();
    const result = extractReport(request.report);
    scope.postMessage({ id: request.id, kind: 'extracted', result, ms: Math.round(performance.now() - started) });
  } catch (error) {
    scope.postMessage({ id: request.id, kind: 'crashed', message: error instanceof Error ? error.message : String(error) });
  }
};
