/** Shapes shared by the extractor, the pipeline and the dashboard (DATA-CONTRACT.md §1, §3). */

export type PublisherKind = 'county-gov' | 'city-gov' | 'district-gov' | 'department' | 'other';
export type Coverage = 'full' | 'excerpt';
export type Approx = 'exact' | 'at_least' | 'at_most' | 'about';
export type ValueKind = 'reported' | 'derived';

/** Front matter of a report file. */
export interface ReportMeta {
  id: string;
  region_code: string;
  region_name: string;
  year: number;
  publisher: string;
  publisher_kind: PublisherKind;
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

export interface Observation {
  region_code: string;
  region_name: string;
  year: number;
  period: string;
  indicator_id: string;
  value: number | null;
  unit: string;
  approx: Approx;
  value_kind: ValueKind;
  report_id: string;
  quote: string;
  span_start: number;
  span_end: number;
  rule_id: string;
  /** Extension: where the quote starts in the body, so `span_start - quote_start` places the figure in the quote. */
  quote_start: number;
  /** Extension: how a derived value was computed, e.g. "56 ÷ 262 × 100". Empty when reported. */
  derivation: string;
  /** Extension: the inputs of a derived value (JSON array of DerivationInput). Empty when reported. */
  inputs: DerivationInput[];
  /** Extension: quality flags, e.g. `rate_mismatch` when a printed rate disagrees with its counts. */
  flags: string[];
}

/** A candidate figure the extractor saw and did not keep, with the reason: nothing is dropped silently. */
export interface Reject {
  report_id: string;
  indicator_id: string;
  rule_id: string;
  reason: string;
  /**
   * Extension: the frame that kept the figure out, `<dimension>:<value>` (`time:multi-year`,
   * `subject:part`, `measure:change` …; src/core/extract/frame/frame.ts), `duplicate` for a
   * figure printed again, or '' when the reason is not a frame (a concept's own exclusion).
   */
  frame: string;
  text: string;
  quote: string;
  span_start: number;
  span_end: number;
}

export interface ExtractionResult {
  observations: Observation[];
  rejects: Reject[];
}
