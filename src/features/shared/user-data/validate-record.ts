/**
 * What the store reads back is checked before use: a record written by an older version of the app,
 * or damaged, must not crash the dashboard. It is skipped with a warning naming it, and left stored
 * (a later version may read it; the user may export or remove it).
 */
import { z } from '../../../core/zod-csp.ts';
import { firstProblem, OBSERVATIONS, REPORTS } from '../../../core/schema/index.ts';
import type { SkipReason } from '../../../core/user-data/skip-reason.ts';
import { STORED_ROW_COLUMNS, STORED_ROWS_FORMATS, StoredRowsError, type StoredDatasetMeta } from '../../../core/user-data/stored-rows.ts';
import type { UserDataset, UserDatasetSummary } from '../../../core/user-data/types.ts';

const kind = z.enum(['table', 'report']);

const input = z.object({
  indicator_id: z.string(), role: z.string(), value: z.number(), year: z.number().int(),
  span_start: z.number().int(), span_end: z.number().int(),
});

/**
 * A stored observation (UserObservation): the `observations` columns of the schema the extractor
 * fills (src/core/schema/tables.ts), the user columns, and `inputs` / `flags` as lists. `obs_id` is
 * the database's (src/db/user-rows.ts `userObsId`): one an old record carries is ignored.
 */
const ADDED_BY_PIPELINE_OR_LISTS = new Set(['inputs', 'flags', 'publisher_kind', 'obs_id']);
const ROW_COLUMNS = {
  ...Object.fromEntries(Object.entries(OBSERVATIONS.columns).filter(([name]) => !ADDED_BY_PIPELINE_OR_LISTS.has(name))),
  source_row: OBSERVATIONS.userColumns.source_row, source_column: OBSERVATIONS.userColumns.source_column,
};
const inputsAndFlags = z.object({ inputs: z.array(input), flags: z.array(z.string()) });

const report = z.object({
  meta: z.object({
    id: z.string().min(1), region_code: z.string(), region_name: z.string(), year: z.number().int(), publisher: z.string(),
    publisher_kind: REPORTS.columns.publisher_kind.check, title: z.string(), url: z.string(), published: z.string(),
    coverage: REPORTS.columns.coverage.check,
    // Datasets stored before source_kind existed lack it: they are 'other', as a new import is.
    source_kind: REPORTS.columns.source_kind.check.optional().transform((kind) => kind ?? 'other'),
  }),
  body: z.string(),
  source: z.object({
    fileName: z.string(), bytes: z.number().int(), sha256: z.string(), textSha256: z.string(),
    format: z.enum(['pdf', 'docx', 'html', 'txt']), pageStarts: z.array(z.number().int()).optional(),
  }).optional(),
});

/** Stored ids are always `user-…`: no stored row can take a shipped id. */
const datasetId = z.string().regex(/^user-[a-z0-9-]+$/);

/** The envelope; rows are checked one by one (`rowProblem`). */
const dataset = z.object({
  id: datasetId, kind, fileName: z.string(), importedAt: z.string(), encoding: z.string(),
  observations: z.array(z.unknown()), reports: z.array(report),
});

/** The first problem of a row as `field: message`, or null: the schema's columns, then the lists, then non-empty keys. */
function rowProblem(row: unknown): string | null {
  if (typeof row !== 'object' || row === null) return 'not an object';
  const r = row as Record<string, unknown>;
  const problem = firstProblem(ROW_COLUMNS, r);
  if (problem) return problem;
  if (r.region_code === '' || r.period === '' || r.indicator_id === '') return 'region_code/period/indicator_id: empty';
  if (!Array.isArray(r.flags) || r.flags.some((f) => typeof f !== 'string')) return 'flags: expected list of strings';
  if (!Array.isArray(r.inputs)) return 'inputs: expected list';
  if (r.inputs.length > 0) {
    const parsed = inputsAndFlags.safeParse(row);
    if (!parsed.success) return `${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`;
  }
  return null;
}

const summary = z.object({
  id: datasetId, kind, fileName: z.string(), importedAt: z.string(), encoding: z.string(),
  rowCount: z.number().int().nonnegative(), regionCount: z.number().int().nonnegative(),
  indicatorIds: z.array(z.string()), years: z.array(z.number().int()),
});

/** The small record beside a stored blob (src/core/user-data/stored-rows.ts): checked whole, it holds no rows. */
const storedMeta = z.object({
  id: datasetId, kind, fileName: z.string(), importedAt: z.string(), encoding: z.string(), reports: z.array(report),
  rows: z.object({
    format: z.enum(STORED_ROWS_FORMATS),
    columns: z.array(z.enum(STORED_ROW_COLUMNS)).min(1),
    rowCount: z.number().int().nonnegative(), byteLength: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});

/**
 * A record that could not be read: its key (when it has one), the first problem in English (logs,
 * tests) and the same as data (`reason`), which the warning words in the reader's language.
 */
export interface SkippedRecord {
  key: string;
  problem: string;
  reason: SkipReason;
}

/** A record whose field `field` (a path such as `observations.3.year`, or '' for the record) is wrong. */
const invalid = (key: string, field: string, detail: string): SkippedRecord =>
  ({ key, problem: `${field ? `${field}: ` : ''}${detail}`, reason: { kind: 'record-invalid', field, detail } });

/** A stored dataset whose rows could not be loaded or rewritten: `error` worded by its reason when it has one. */
export function skippedFor(key: string, error: unknown): SkippedRecord {
  const problem = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return { key, problem, reason: error instanceof StoredRowsError ? error.reason : { kind: 'rows-unreadable', detail: problem } };
}

export type Checked<T> = { ok: true; value: T } | { ok: false; skipped: SkippedRecord };

function check<T>(schema: z.ZodType<T>, record: unknown, key: string): Checked<T> {
  const parsed = schema.safeParse(record);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, skipped: invalid(key, issue ? issue.path.join('.') : '', issue?.message ?? 'unreadable') };
}

const keyOf = (record: unknown, fallback: string): string =>
  typeof record === 'object' && record !== null && typeof (record as { id?: unknown }).id === 'string' ? (record as { id: string }).id : fallback;

/** Checks a stored dataset; the ids of its rows must also be consistent (each row names one of its reports). */
export function checkDataset(record: unknown, fallbackKey = '?'): Checked<UserDataset> {
  const key = keyOf(record, fallbackKey);
  const result = check(dataset as unknown as z.ZodType<UserDataset>, record, key);
  if (!result.ok) return result;
  for (let i = 0; i < result.value.observations.length; i += 1) {
    const problem = rowProblem(result.value.observations[i]);
    if (problem) {
      const cut = problem.indexOf(': ');
      const field = cut < 0 ? `observations.${i}` : `observations.${i}.${problem.slice(0, cut)}`;
      return { ok: false, skipped: invalid(key, field, cut < 0 ? problem : problem.slice(cut + 2)) };
    }
  }
  const reportIds = new Set(result.value.reports.map((r) => r.meta.id));
  const stray = result.value.observations.findIndex((o) => o.report_id !== '' && !reportIds.has(o.report_id));
  if (stray >= 0) return { ok: false, skipped: invalid(key, `observations.${stray}.report_id`, "not one of the dataset's reports") };
  return result;
}

export function checkStoredMeta(record: unknown, fallbackKey = '?'): Checked<StoredDatasetMeta> {
  return check(storedMeta as unknown as z.ZodType<StoredDatasetMeta>, record, keyOf(record, fallbackKey));
}

export function checkSummary(record: unknown, fallbackKey = '?'): Checked<UserDatasetSummary> {
  return check(summary as z.ZodType<UserDatasetSummary>, record, keyOf(record, fallbackKey));
}

/** Splits checked records into the readable ones and the skipped ones. */
export function partition<T>(results: ReadonlyArray<Checked<T>>): { values: T[]; skipped: SkippedRecord[] } {
  const values: T[] = [];
  const skipped: SkippedRecord[] = [];
  for (const r of results) {
    if (r.ok) values.push(r.value);
    else skipped.push(r.skipped);
  }
  return { values, skipped };
}
