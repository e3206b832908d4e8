/**
 * What the store reads back is checked before use: a record written by an older version of the app,
 * or damaged, must not crash the dashboard. It is skipped with a warning naming it, and left stored
 * (a later version may read it; the user may export or remove it).
 */
import { z } from '../../core/zod-csp.ts';
import type { UserDataset, UserDatasetSummary } from '../../core/user-data/types.ts';

const approx = z.enum(['exact', 'at_least', 'at_most', 'about']);
const valueKind = z.enum(['reported', 'derived']);
const kind = z.enum(['table', 'report']);
const publisherKind = z.enum(['county-gov', 'city-gov', 'district-gov', 'department', 'other']);

const input = z.object({
  indicator_id: z.string(), role: z.string(), value: z.number(), year: z.number().int(),
  span_start: z.number().int(), span_end: z.number().int(),
});

const observation = z.object({
  region_code: z.string().min(1), region_name: z.string(), year: z.number().int(), period: z.string().min(1),
  indicator_id: z.string().min(1), value: z.number().nullable(), unit: z.string(), approx, value_kind: valueKind,
  report_id: z.string(), quote: z.string(), span_start: z.number().int(), span_end: z.number().int(), rule_id: z.string(),
  quote_start: z.number().int(), derivation: z.string(), inputs: z.array(input), flags: z.array(z.string()),
  source_row: z.number().int().nullable(), source_column: z.string(),
});

const report = z.object({
  meta: z.object({
    id: z.string().min(1), region_code: z.string(), region_name: z.string(), year: z.number().int(), publisher: z.string(),
    publisher_kind: publisherKind, title: z.string(), url: z.string(), published: z.string(), coverage: z.enum(['full', 'excerpt']),
  }),
  body: z.string(),
});

/** Stored ids are always `user-…`: no stored row can take a shipped id. */
const datasetId = z.string().regex(/^user-[a-z0-9-]+$/);

const dataset = z.object({
  id: datasetId, kind, fileName: z.string(), importedAt: z.string(), encoding: z.string(),
  observations: z.array(observation), reports: z.array(report),
});

const summary = z.object({
  id: datasetId, kind, fileName: z.string(), importedAt: z.string(), encoding: z.string(),
  rowCount: z.number().int().nonnegative(), regionCount: z.number().int().nonnegative(),
  indicatorIds: z.array(z.string()), years: z.array(z.number().int()),
});

/** A record that could not be read: its key (when it has one) and the first problem, for the warning. */
export interface SkippedRecord {
  key: string;
  problem: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; skipped: SkippedRecord };

function check<T>(schema: z.ZodType<T>, record: unknown, key: string): Checked<T> {
  const parsed = schema.safeParse(record);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { ok: false, skipped: { key, problem: `${where}${issue?.message ?? 'unreadable'}` } };
}

const keyOf = (record: unknown, fallback: string): string =>
  typeof record === 'object' && record !== null && typeof (record as { id?: unknown }).id === 'string' ? (record as { id: string }).id : fallback;

/** Checks a stored dataset; the ids of its rows must also be consistent (each row names one of its reports). */
export function checkDataset(record: unknown, fallbackKey = '?'): Checked<UserDataset> {
  const key = keyOf(record, fallbackKey);
  const result = check(dataset as z.ZodType<UserDataset>, record, key);
  if (!result.ok) return result;
  const reportIds = new Set(result.value.reports.map((r) => r.meta.id));
  const stray = result.value.observations.findIndex((o) => o.report_id !== '' && !reportIds.has(o.report_id));
  if (stray >= 0) return { ok: false, skipped: { key, problem: `observations.${stray}.report_id: not one of the dataset's reports` } };
  return result;
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
