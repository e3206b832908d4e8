/**
 * One file of a batch import and what the user decided about it. Pure: the form a saved report
 * gets, and why an item cannot be saved yet, are computed here from the item alone.
 */
import { keptCount } from '../../../../core/user-data/dropped-with-dependents.ts';
import type { ConversionProblem } from '../../../../core/convert/conversion-error.ts';
import type { ConvertedReport } from '../../../../core/convert/convert-report.ts';
import type { ReportMetadata } from '../../../../core/convert/report-metadata.ts';
import type { DivisionRow } from '../../../../core/regions/region-lookup.ts';
import type { ExtractionResult, PublisherKind } from '../../../../core/types.ts';
import type { ReportFormMeta } from '../../../../core/user-data/build-report-dataset.ts';
import { MAX_YEAR, MIN_YEAR } from '../../../../core/user-data/report-input.ts';
import type { IMPORT_REPORT_BATCH_MESSAGES } from '../../../i18n/views/import-report-batch.ts';

type BatchMessages = (typeof IMPORT_REPORT_BATCH_MESSAGES)['zh'];

/** The statuses and blockers are the keys of their words (src/features/i18n/views/import-report-batch.ts). */
export type BatchStatus = keyof BatchMessages['batchStatus'];

export interface BatchItem {
  key: string;
  name: string;
  size: number;
  status: BatchStatus;
  problem?: ConversionProblem;
  /** A crash's message (English, from the worker). */
  crash?: string;
  converted?: ConvertedReport;
  metadata?: ReportMetadata;
  extraction?: ExtractionResult | null;
  /** The year the extraction ran with. */
  extractedYear?: number;
  ms?: number;
  /** The user's choices (prefilled from `metadata`). */
  region: DivisionRow | null;
  year: string;
  title: string;
  publisher: string;
  publisherKind: PublisherKind;
  dropped: ReadonlySet<number>;
  /** The user set this report aside: it is not saved. */
  excluded: boolean;
  /** The same text is already stored (a dataset's file name) or earlier in this batch (its file name). */
  duplicateOf?: string;
}

export type Blocker = keyof BatchMessages['batchBlocker'];

export const yearOf = (item: BatchItem): number | null => (/^\s*\d{4}\s*$/.test(item.year) && Number(item.year) >= MIN_YEAR && Number(item.year) <= MAX_YEAR ? Number(item.year) : null);

/** Why the item cannot be saved, or null when it can. */
export function blocker(item: BatchItem): Blocker | null {
  if (item.status !== 'ready') return 'not-ready';
  if (item.excluded) return 'excluded';
  if (item.duplicateOf) return 'duplicate';
  if (!item.region) return item.metadata && item.metadata.candidates.length > 0 ? 'ambiguous-place' : 'no-place';
  const year = yearOf(item);
  if (year === null) return 'no-year';
  if (!item.extraction || item.extractedYear !== year) return 'stale';
  if (keptCount(item.extraction.observations, item.dropped) <= 0) return 'nothing-kept';
  return null;
}

export function formOf(item: BatchItem): ReportFormMeta | null {
  const year = yearOf(item);
  if (!item.region || year === null) return null;
  return {
    region: item.region, year, title: item.title, publisher: item.publisher, publisher_kind: item.publisherKind,
    coverage: 'full', url: '', published: '',
  };
}

/** A fresh item from what the worker read: the user's fields prefilled from the document. */
export function prefilled(item: BatchItem, converted: ConvertedReport, metadata: ReportMetadata, extraction: ExtractionResult | null, ms: number): BatchItem {
  const region = metadata.region;
  const kind: PublisherKind = metadata.publisherKind ?? (region?.region_name.endsWith('区') ? 'district-gov' : 'county-gov');
  return {
    ...item, status: 'ready', converted, metadata, extraction, ms,
    extractedYear: metadata.year ?? undefined,
    region, year: metadata.year === null ? '' : String(metadata.year), title: metadata.title, publisher: metadata.publisher, publisherKind: kind,
  };
}
