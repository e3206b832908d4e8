/**
 * The batch import's worker: converts one dropped file (PDF, DOCX, web page, TXT) with the pipeline's
 * own src/core/convert, reads its place, year, title and publisher, and runs the pipeline's extractor
 * when the year is known — all off the main thread, one file at a time.
 */
import { ConversionError } from '../../../../core/convert/conversion-error.ts';
import { convertReport } from '../../../../core/convert/convert-report.ts';
import { readReportMetadata } from '../../../../core/convert/report-metadata.ts';
import { extractReport } from '../../../../core/extract/extract-report.ts';
import { parseDivisions } from '../../../../core/regions/divisions-csv.ts';
import type { RegionLookup } from '../../../../core/regions/region-lookup.ts';
import type { ReportMeta } from '../../../../core/types.ts';
import type { BatchRequest, BatchResponse } from './batch-protocol.ts';
import { browserConvertPlatform } from './convert-platform-browser.ts';

const scope = self as unknown as { onmessage: ((event: MessageEvent<BatchRequest>) => void) | null; postMessage(message: BatchResponse): void };
let lookup: RegionLookup | null = null;

/** What the extractor needs before the user has confirmed anything: the year read, a placeholder place. */
function provisionalMeta(year: number, region: { region_code: string; region_name: string } | null, title: string): ReportMeta {
  return {
    id: 'user-preview', region_code: region?.region_code ?? '000000', region_name: region?.region_name ?? '', year,
    publisher: '', publisher_kind: 'county-gov', title, url: '', published: '', coverage: 'full', source_kind: 'other',
  };
}

async function handle(request: BatchRequest): Promise<BatchResponse> {
  if (request.kind === 'divisions') {
    lookup = parseDivisions(request.csv, 'divisions.csv');
    return { id: request.id, kind: 'ok' };
  }
  if (request.kind === 'extract') return { id: request.id, kind: 'extracted', extraction: extractReport({ meta: request.meta, body: request.body }) };
  const started = performance.now();
  const converted = await convertReport({ name: request.name, bytes: new Uint8Array(request.bytes) }, browserConvertPlatform);
  const metadata = readReportMetadata(converted.body, converted.titleHint, request.name, lookup);
  const extraction = metadata.year === null ? null : extractReport({ meta: provisionalMeta(metadata.year, metadata.region, metadata.title), body: converted.body });
  return { id: request.id, kind: 'converted', converted, metadata, extraction, ms: Math.round(performance.now() - started) };
}

scope.onmessage = (event) => {
  const request = event.data;
  handle(request).then(scope.postMessage.bind(scope), (error: unknown) => {
    scope.postMessage(error instanceof ConversionError
      ? { id: request.id, kind: 'refused', problem: error.problem, message: error.message }
      : { id: request.id, kind: 'crashed', message: error instanceof Error ? error.message : String(error) });
  });
};
