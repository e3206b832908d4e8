/**
 * The validated rows of an uploaded table as one UserDataset: stored, listed and removed as a unit.
 * A table has no prose, so its one report only describes the file (title = file name, publisher
 * 用户上传, coverage excerpt, empty body); each row's quote is the row itself.
 */
import type { ReportMeta } from '../types.ts';
import type { TableReject } from './validate-rows.ts';
import type { UserDataset, UserObservation } from './types.ts';

export const USER_UPLOAD_PUBLISHER = '用户上传';

export interface TableDatasetInput {
  id: string;
  fileName: string;
  importedAt: string;
  encoding: string;
  observations: UserObservation[];
}

export function buildTableDataset(input: TableDatasetInput): UserDataset {
  const { observations } = input;
  const regions = [...new Set(observations.map((o) => o.region_code))];
  const only = regions.length === 1 ? observations[0]! : null;
  // A loop, not Math.max(...years): a million rows would overflow the argument list.
  let latest = 0;
  for (const o of observations) if (o.year > latest) latest = o.year;
  const meta: ReportMeta = {
    id: input.id,
    // One place for the whole file when there is one; otherwise none (the rows name theirs).
    region_code: only ? only.region_code : '',
    region_name: only ? only.region_name : '',
    year: latest,
    publisher: USER_UPLOAD_PUBLISHER,
    publisher_kind: 'other',
    source_kind: 'other',
    title: input.fileName,
    url: '',
    published: input.importedAt.slice(0, 10),
    coverage: 'excerpt',
  };
  return {
    id: input.id,
    kind: 'table',
    fileName: input.fileName,
    importedAt: input.importedAt,
    encoding: input.encoding,
    observations,
    reports: [{ meta, body: '' }],
  };
}

/** The columns of the rejects download, in order. */
export const REJECT_COLUMNS = ['row', 'column', 'value', 'reason'] as const;

/** Rejects as rows for src/core/csv/to-csv.ts, with the reason worded by the caller (it knows the language). */
export function rejectRows(rejects: readonly TableReject[], reason: (reject: TableReject) => string): Array<Record<(typeof REJECT_COLUMNS)[number], string | number>> {
  return rejects.map((r) => ({ row: r.row, column: r.column, value: r.value, reason: reason(r) }));
}
