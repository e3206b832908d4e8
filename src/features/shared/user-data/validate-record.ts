/**
 * What the store reads back is checked before use: a record written by an older version of the app,
 * or damaged, must not crash the dashboard. It is skipped with a warning naming it, and left stored
 * (a later version may read it; the user may export or remove it).
 */
import { z } from '../../../core/zod-csp.ts';
import type { UserDataset, UserDatasetSummary } from '../../../core/user-data/types.ts';

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

/** The envelope; rows are checked one by one (`checkRows`), zod's full pass took ~1.3 s per 100k rows. */
const dataset = z.object({
  id: datasetId, kind, fileName: z.string(), importedAt: z.string(), encoding: z.string(),
  observations: z.array(z.unknown()), reports: z.array(report),
});

const APPROX = new Set(['exact', 'at_least', 'at_most', 'about']);
const KINDS = new Set(['reported', 'derived']);
const STRINGS = ['region_code', 'region_name', 'period', 'indicator_id', 'unit', 'report_id', 'quote', 'rule_id', 'derivation', 'source_column'] as const;
const INTEGERS = ['year', 'span_start', 'span_end', 'quote_start'] as const;

/** The first problem of a row as `field: message`, or null; the common shape checked by hand, the rare parts by zod. */
function rowProblem(row: unknown): string | null {
  if (typeof row !== 'object' || row === null) return 'not an object';
  const r = row as Record<string, unknown>;
  for (const f of STRINGS) if (typeof r[f] !== 'string') return `${f}: expected string`;
  for (const f of INTEGERS) if (!Number.isInteger(r[f])) return `${f}: expected integer`;
  if (r.region_code === '' || r.period === '' || r.indicator_id === '') return 'region_code/period/indicator_id: empty';
  if (r.value !== null && (typeof r.value !== 'number' || !Number.isFinite(r.value))) return 'value: expected number or null';
  if (!APPROX.has(r.approx as string)) return 'approx: invalid option';
  if (!KINDS.has(r.value_kind as string)) return 'value_kind: invalid option';
  if (r.source_row !== null && !Number.isInteger(r.source_row)) return 'source_row: expected integer or null';
  if (!Array.isArray(r.flags) || r.flags.some((f) => typeof f !== 'string')) return 'flags: expected list of strings';
  if (!Array.isArray(r.inputs)) return 'inputs: expected list';
  if (r.inputs.length > 0) {
    const parsed = observation.safeParse(row);
    if (!parsed.success) return `${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`;
  }
  return null;
}

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
  const result = check(dataset as unknown as z.ZodType<UserDataset>, record, key);
  if (!result.ok) return result;
  for (let i = 0; i < result.value.observations.length; i += 1) {
    const problem = rowProblem(result.value.observations[i]);
    if (problem) return { ok: false, skipped: { key, problem: `observations.${i}.${problem}` } };
  }
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
