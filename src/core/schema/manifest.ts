/**
 * `manifest.json` of a dataset, declared once as zod schemas: the types are inferred from them, the
 * dashboard parses with them (src/db/sources/manifest.ts) and the pipeline writes the CSV one
 * (scripts/lib/build-dataset.ts). Two layouts:
 * - `csv` (the shipped dataset; a manifest without `layout` is CSV): one file per table, loaded whole.
 * - `hive-parquet` (a national dataset): `observations` and `reports` split into
 *   `<table>/province=<code>/year=<yyyy>/*.parquet`, listed with bytes and rows, plus small tables
 *   as CSV and pre-aggregated summaries (src/db/pre-aggregates.ts) as single Parquet files.
 * A malformed manifest is an error naming the field; nothing is guessed.
 */
import { z } from '../zod-csp.ts';
import type { ColumnType } from './column.ts';
import type { TableName } from './tables.ts';

const count = z.number({ error: 'must be a non-negative integer' }).int({ error: 'must be a non-negative integer' })
  .nonnegative({ error: 'must be a non-negative integer' });
const name = z.string({ error: 'must be a non-empty string' }).min(1, { error: 'must be a non-empty string' });
/** A relative path inside the dataset: no scheme, no leading slash, no `..` (a manifest cannot send the app elsewhere). */
const innerPath = name.refine((path) => !/^[a-z]+:|^\/|(^|\/)\.\.(\/|$)/i.test(path), {
  error: (issue) => `must be a path inside the dataset, got "${String(issue.input)}"`,
});
const list = <T extends z.ZodType>(item: T) => z.array(item, { error: 'must be a list' });

export const partitionFileSchema = z.object({
  table: z.enum(['observations', 'reports'], { error: (issue) => `must be observations or reports, got "${String(issue.input)}"` }),
  path: innerPath, bytes: count, rows: count,
}, { error: 'must be an object' });

export const partitionSchema = z.object({
  /** Province code as in `regions.province_code` (six digits, e.g. 140000). */
  province: name.regex(/^\d{2,6}$/, { error: (issue) => `must be a province code, got "${String(issue.input)}"` }),
  year: count,
  files: list(partitionFileSchema).refine((files) => files.some((f) => f.table === 'observations'), { error: 'has no observations file' }),
}, { error: 'must be an object' });

export const summaryFileSchema = z.object({
  table: z.literal('coverage', { error: (issue) => `must be coverage, got "${String(issue.input)}"` }),
  path: innerPath, bytes: count, rows: count,
}, { error: 'must be an object' });

/**
 * Pre-aggregated tiles (src/db/tiles.ts): `<dir>/indicator_id=<id>/year=<yyyy>/data_0.parquet` for
 * every indicator and year listed; an indicator-year not listed has no figure with a number.
 */
export const tilesSchema = z.object({
  dir: innerPath,
  years: z.record(z.string().regex(/^[A-Za-z0-9_.-]+$/, { error: 'must be an indicator id' }), list(count)),
}, { error: 'must be an object' });

/**
 * Pre-aggregated Profile standings (src/db/standings.ts): `<dir>/places/province=<code>/data_0.parquet`
 * for each province listed, `<dir>/others/part_year=<yyyy>/data_0.parquet` for each year listed.
 */
export const standingsSchema = z.object({
  dir: innerPath,
  provinces: list(name.regex(/^\d{2,6}$/, { error: (issue) => `must be a province code, got "${String(issue.input)}"` })),
  years: list(count),
}, { error: 'must be an object' });

/**
 * Per-place files (src/db/place-files.ts): `<dir>/observations/region_code=<code>/data_0.parquet` and
 * `<dir>/reports/region_code=<code>/data_0.parquet` for each place listed; a place not listed has no row.
 */
export const placesSchema = z.object({
  dir: innerPath,
  regions: list(name.regex(/^\d{6}$/, { error: (issue) => `must be a six-digit region code, got "${String(issue.input)}"` })),
}, { error: 'must be an object' });

export const partitionedManifestSchema = z.object({
  dataset: name,
  format_version: count,
  layout: z.literal('hive-parquet'),
  /** true: generated for benchmarks; the app shows a banner. */
  synthetic: z.boolean().default(false),
  note: z.string().optional(),
  generator: z.record(z.string(), z.unknown()).optional(),
  /** Small tables loaded whole at start-up (regions.csv, indicators.csv). */
  csv: list(z.string().regex(/^[a-z_]+\.csv$/, { error: 'must be a file name like regions.csv' }))
    .refine((csv) => csv.includes('regions.csv'), { error: 'must list regions.csv' })
    .refine((csv) => csv.includes('indicators.csv'), { error: 'must list indicators.csv' }),
  summaries: list(summaryFileSchema).refine((s) => s.some((x) => x.table === 'coverage'), { error: 'must include the coverage table' }),
  /** Optional: without tiles, Compare and Profile read the rows (as before issue 12). */
  tiles: tilesSchema.optional(),
  /** Optional: without standings, the Profile's percentiles read the peers' rows. */
  standings: standingsSchema.optional(),
  /** Optional: without place files, a view needing a place's rows loads its province's partitions. */
  places: placesSchema.optional(),
  partitions: list(partitionSchema).superRefine((partitions, ctx) => {
    const seen = new Set<string>();
    for (const p of partitions) {
      const key = `${p.province}/${p.year}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `lists province ${p.province} year ${p.year} twice` });
      seen.add(key);
    }
  }),
});

export type PartitionFile = z.infer<typeof partitionFileSchema>;
export type Partition = z.infer<typeof partitionSchema>;
export type SummaryFile = z.infer<typeof summaryFileSchema>;
export type TilesIndex = z.infer<typeof tilesSchema>;
export type StandingsIndex = z.infer<typeof standingsSchema>;
export type PlacesIndex = z.infer<typeof placesSchema>;
export type PartitionedManifest = z.infer<typeof partitionedManifestSchema>;

/** What the pipeline writes for the CSV layout (`npm run extract`): each table with its columns and files. */
export interface CsvManifest {
  dataset: 'fazhi-atlas';
  format_version: 1;
  reports: { built: number; failed: string[] };
  tables: Array<{
    name: TableName;
    rows: number;
    columns: Array<{ name: string; type: ColumnType; nullable: boolean }>;
    files: Array<{ path: string; bytes: number; sha256: string }>;
  }>;
}

/** As far as loading is concerned: the CSV layout needs nothing but whether it is synthetic. */
export type DatasetManifest = { layout: 'csv'; synthetic: boolean } | PartitionedManifest;

/** `partitions[0].files[1].bytes` from zod's path. */
const fieldName = (path: readonly PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');

/** Reads a parsed manifest.json; throws `manifest.json: <field> <problem>`. The shipped dataset's manifest (no `layout`) is CSV. */
export function parseManifest(raw: unknown): DatasetManifest {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('manifest.json: must be a JSON object');
  const record = raw as Record<string, unknown>;
  const layout = record.layout ?? 'csv';
  if (layout === 'csv') return { layout: 'csv', synthetic: record.synthetic === true };
  if (layout !== 'hive-parquet') throw new Error(`manifest.json: layout must be "csv" or "hive-parquet", got ${JSON.stringify(layout)}`);
  const parsed = partitionedManifestSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new Error(`manifest.json: ${fieldName(issue.path)} ${issue.message}`);
}
