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
 * (`列名: 值` pairs), and `source_row`/`source_column` name the cell.
 */
export interface UserObservation extends Observation {
  /** 1-based line of the data row in the uploaded file (tables); null for a pasted report. */
  source_row: number | null;
  /** The header of the column the value came from (tables); '' for a pasted report. */
  source_column: string;
  /**
   * Optional stable id of the row within its dataset: for a table `<datasetId>:<row>:<column index>`
   * (added for the table import; a store may derive its own when absent).
   */
  obs_id?: string;
}

/** A report the user pasted or dropped: its metadata (filled in by the user) and body as given. */
export interface UserReport {
  meta: ReportMeta;
  body: string;
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
