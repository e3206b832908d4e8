/** Messages between the batch import and its conversion worker (convert-report.worker.ts). */
import type { ConversionProblem } from '../../../../core/convert/conversion-error.ts';
import type { ConvertedReport } from '../../../../core/convert/convert-report.ts';
import type { ReportMetadata } from '../../../../core/convert/report-metadata.ts';
import type { ExtractionResult, ReportMeta } from '../../../../core/types.ts';

export type BatchRequest =
  /** The divisions CSV, once, so the worker can read places; the first convert waits for it. */
  | { id: number; kind: 'divisions'; csv: string }
  | { id: number; kind: 'convert'; name: string; bytes: ArrayBuffer }
  /** Extract again with metadata the user fixed (the year decides which figures are the report year's). */
  | { id: number; kind: 'extract'; meta: ReportMeta; body: string };

export type BatchResponse =
  | { id: number; kind: 'converted'; converted: ConvertedReport; metadata: ReportMetadata; extraction: ExtractionResult | null; ms: number }
  | { id: number; kind: 'extracted'; extraction: ExtractionResult }
  | { id: number; kind: 'refused'; problem: ConversionProblem; message: string }
  | { id: number; kind: 'ok' }
  | { id: number; kind: 'crashed'; message: string };
