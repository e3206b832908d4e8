/** Messages between the import form and its extraction worker (extract-report.worker.ts). */
import type { ExtractionResult, Report } from '../../../core/types.ts';
import type { DecodeFailure } from '../../../core/user-data/decode-report-bytes.ts';

export type WorkerRequest =
  | { id: number; kind: 'decode'; bytes: ArrayBuffer }
  | { id: number; kind: 'extract'; report: Report };

export type WorkerResponse =
  | { id: number; kind: 'decoded'; text: string; encoding: string }
  | { id: number; kind: 'decode-failed'; failure: DecodeFailure }
  | { id: number; kind: 'extracted'; result: ExtractionResult; ms: number }
  | { id: number; kind: 'crashed'; message: string };
