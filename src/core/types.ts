/**
 * Shapes shared by the extractor, the pipeline and the dashboard (docs/DATA-CONTRACT.md §1, §3).
 * The dataset's columns are declared once, in src/core/schema/; the shapes here are derived from them.
 */
import type { ObservationRow, PublisherKind, Coverage, RejectRow, SourceKind } from './schema/index.ts';

export type { Approx, Coverage, PublisherKind, SourceKind, ValueKind } from './schema/index.ts';

/** Front matter of a report file. */
export interface ReportMeta {
  id: string;
  region_code: string;
  region_name: string;
  year: number;
  publisher: string;
  publisher_kind: PublisherKind;
  source_kind: SourceKind;
  title: string;
  url: string;
  published: string;
  coverage: Coverage;
}

/** A report as read from disk or pasted: its metadata and the body exactly as published. */
export interface Report {
  meta: ReportMeta;
  /** Everything after the newline that ends the closing `---` line, unchanged. */
  body: string;
  /** A PDF-derived report's page map (front matter `page_starts`, src/core/report/page-starts.ts); absent otherwise. */
  pageStarts?: number[];
}

/** One input of a derived value, with where it stands in the report body. */
export interface DerivationInput {
  indicator_id: string;
  role: string;
  value: number;
  year: number;
  span_start: number;
  span_end: number;
}

/**
 * One figure as the extractor produces it: the `observations` row (src/core/schema/tables.ts) with
 * `inputs` and `flags` as lists (the files hold them as text), and without the two columns the
 * pipeline adds when it writes the table (`publisher_kind` of the report, the stable `obs_id`).
 */
export type Observation = Omit<ObservationRow, 'inputs' | 'flags' | 'publisher_kind' | 'obs_id'> & {
  /** The inputs of a derived value. Empty when reported. */
  inputs: DerivationInput[];
  /** Quality flags, e.g. `rate_mismatch` when a printed rate disagrees with its counts. */
  flags: string[];
};

/** A candidate figure the extractor saw and did not keep, with the reason: nothing is dropped silently. */
export type Reject = RejectRow;

export interface ExtractionResult {
  observations: Observation[];
  rejects: Reject[];
}
