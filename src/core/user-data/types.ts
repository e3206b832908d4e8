/**
 * A researcher's own data (我的数据): a table they uploaded or a report they pasted, kept in their
 * browser beside the shipped dataset. Every row keeps its provenance like a shipped row does, and
 * is marked as the user's so it never passes for, or replaces, a shipped figure.
 */
import type { Observation, ReportMeta } from '../types.ts';

export type UserDatasetKind = 'table' | 'report';

/**
 * Where a user's row came from. A pasted report keeps its body, so the quote and span work exactly
 * as for a shipped report. A table row has no prose: its "quote" is the row as the file had it
 * (`列名: 值` pairs), `source_row`/`source_column` name the cell, and the table's own quote, unit
 * and source columns, when it has them, are kept as they are (`table_*`).
 */
export interface UserObservation extends Observation {
  /** 1-based line of the data row in the uploaded file (tables); null for a pasted report. */
  source_row: number | null;
  /** The header of the column the value came from (tables); '' for a pasted report. */
  source_column: string;
  /**
   * The row's cells in the table's optional quote, unit and source columns, as written (tables; ''
   * when the column is not mapped or the cell is empty). Absent in rows stored before they were kept
   * apart (they were folded into `quote` then), so readers take a missing one as ''.
   */
  table_quote?: string;
  table_unit?: string;
  table_source?: string;
}

/** The file a converted report came from (PDF, DOCX, web page): kept with the report, never shown as data. */
export interface UserReportSource {
  fileName: string;
  bytes: number;
  /** sha256 of the original file. */
  sha256: string;
  /** sha256 of the body: a report already stored is recognised by it. */
  textSha256: string;
  format: 'pdf' | 'docx' | 'html' | 'txt';
  /** PDF: the body offset each page starts at, so a figure's page can be named. */
  pageStarts?: number[];
}

/** A report the user pasted or dropped: its metadata (filled in by the user) and body as given. */
export interface UserReport {
  meta: ReportMeta;
  body: string;
  /** Present when the report was converted from a file (PDF, DOCX, web page, TXT). */
  source?: UserReportSource;
}

/** One import, stored whole: it is added or removed as a unit. */
export interface UserDataset {
  /** `user-<yyyymmddhhmmss>-<random>`; also the prefix of its report ids, so no id can clash with a shipped one. */
  id: string;
  kind: UserDatasetKind;
  /** The file name the user chose, or '' for pasted text. */
  fileName: string;
  /** ISO 8601 time of the import. */
  importedAt: string;
  /** Encoding the file was decoded from (tables and dropped files), e.g. 'UTF-8', 'GB18030'. */
  encoding: string;
  observations: UserObservation[];
  /** A pasted report's metadata and body; for a table, one entry describing the file with an empty body. */
  reports: UserReport[];
}

/** What the list of stored datasets shows without loading every row. */
export interface UserDatasetSummary {
  id: string;
  kind: UserDatasetKind;
  fileName: string;
  importedAt: string;
  encoding: string;
  rowCount: number;
  regionCount: number;
  indicatorIds: string[];
  years: number[];
}

export function summarise(dataset: UserDataset): UserDatasetSummary {
  const { observations } = dataset;
  return {
    id: dataset.id,
    kind: dataset.kind,
    fileName: dataset.fileName,
    importedAt: dataset.importedAt,
    encoding: dataset.encoding,
    rowCount: observations.length,
    regionCount: new Set(observations.map((o) => o.region_code)).size,
    indicatorIds: [...new Set(observations.map((o) => o.indicator_id))].sort(),
    years: [...new Set(observations.map((o) => o.year))].sort((a, b) => a - b),
  };
}

/** A fresh dataset id from the import time and a random suffix (the caller passes both, so this stays pure). */
export function userDatasetId(importedAt: Date, random: string): string {
  const stamp = importedAt.toISOString().replace(/[-:TZ.]/g, '').slice(0, 14);
  return `user-${stamp}-${random.replace(/[^a-z0-9]/gi, '').slice(0, 8).toLowerCase()}`;
}
