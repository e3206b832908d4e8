/**
 * `manifest.json` of a dataset, as far as loading is concerned. Two layouts:
 * - `csv` (the shipped dataset; a manifest without `layout` is CSV): one file per table, loaded whole.
 * - `hive-parquet` (a national dataset): `observations` and `reports` split into
 *   `<table>/province=<code>/year=<yyyy>/*.parquet`, listed here with bytes and rows, plus small
 *   tables as CSV and pre-aggregated summaries (src/db/pre-aggregates.ts) as single Parquet files.
 * A malformed manifest is an error naming the field; nothing is guessed.
 */

export interface PartitionFile {
  table: 'observations' | 'reports';
  /** Relative to the dataset's base URL. */
  path: string;
  bytes: number;
  rows: number;
}

export interface Partition {
  /** Province code as in `regions.province_code` (six digits, e.g. 140000). */
  province: string;
  year: number;
  files: PartitionFile[];
}

export interface SummaryFile {
  table: 'coverage';
  path: string;
  bytes: number;
  rows: number;
}

export interface PartitionedManifest {
  dataset: string;
  format_version: number;
  layout: 'hive-parquet';
  /** true: generated for benchmarks; the app shows a banner. */
  synthetic: boolean;
  note?: string;
  generator?: Record<string, unknown>;
  /** Small tables loaded whole at start-up (regions.csv, indicators.csv). */
  csv: string[];
  summaries: SummaryFile[];
  partitions: Partition[];
}

export type DatasetManifest =
  | { layout: 'csv'; synthetic: boolean }
  | PartitionedManifest;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(where: string, what: string): never {
  throw new Error(`manifest.json: ${where} ${what}`);
}

const str = (o: Json, key: string, where: string): string => (typeof o[key] === 'string' && o[key] !== '' ? o[key] : fail(`${where}.${key}`, 'must be a non-empty string'));
const int = (o: Json, key: string, where: string): number => (Number.isInteger(o[key]) && (o[key] as number) >= 0 ? (o[key] as number) : fail(`${where}.${key}`, 'must be a non-negative integer'));
const list = (o: Json, key: string, where: string): unknown[] => (Array.isArray(o[key]) ? o[key] : fail(`${where}.${key}`, 'must be a list'));

/** A relative path inside the dataset: no scheme, no leading slash, no `..` (a manifest cannot send the app elsewhere). */
function relPath(o: Json, key: string, where: string): string {
  const path = str(o, key, where);
  if (/^[a-z]+:|^\/|(^|\/)\.\.(\/|$)/i.test(path)) fail(`${where}.${key}`, `must be a path inside the dataset, got "${path}"`);
  return path;
}

function file(raw: unknown, where: string): PartitionFile {
  if (!isObject(raw)) fail(where, 'must be an object');
  const table = str(raw, 'table', where);
  if (table !== 'observations' && table !== 'reports') fail(`${where}.table`, `must be observations or reports, got "${table}"`);
  return { table, path: relPath(raw, 'path', where), bytes: int(raw, 'bytes', where), rows: int(raw, 'rows', where) };
}

function partition(raw: unknown, where: string): Partition {
  if (!isObject(raw)) fail(where, 'must be an object');
  const province = str(raw, 'province', where);
  if (!/^\d{2,6}$/.test(province)) fail(`${where}.province`, `must be a province code, got "${province}"`);
  const files = list(raw, 'files', where).map((f, i) => file(f, `${where}.files[${i}]`));
  if (!files.some((f) => f.table === 'observations')) fail(`${where}.files`, 'has no observations file');
  return { province, year: int(raw, 'year', where), files };
}

function summary(raw: unknown, where: string): SummaryFile {
  if (!isObject(raw)) fail(where, 'must be an object');
  const table = str(raw, 'table', where);
  if (table !== 'coverage') fail(`${where}.table`, `must be coverage, got "${table}"`);
  return { table, path: relPath(raw, 'path', where), bytes: int(raw, 'bytes', where), rows: int(raw, 'rows', where) };
}

/** Reads a parsed manifest.json. The shipped dataset's manifest (no `layout`) is CSV. */
export function parseManifest(raw: unknown): DatasetManifest {
  if (!isObject(raw)) fail('', 'must be a JSON object');
  const synthetic = raw.synthetic === true;
  const layout = raw.layout ?? 'csv';
  if (layout === 'csv') return { layout: 'csv', synthetic };
  if (layout !== 'hive-parquet') fail('layout', `must be "csv" or "hive-parquet", got ${JSON.stringify(layout)}`);
  const partitions = list(raw, 'partitions', '').map((p, i) => partition(p, `partitions[${i}]`));
  const seen = new Set<string>();
  for (const p of partitions) {
    const key = `${p.province}/${p.year}`;
    if (seen.has(key)) fail('partitions', `lists province ${p.province} year ${p.year} twice`);
    seen.add(key);
  }
  const csv = list(raw, 'csv', '').map((name, i) => {
    if (typeof name !== 'string' || !/^[a-z_]+\.csv$/.test(name)) fail(`csv[${i}]`, 'must be a file name like regions.csv');
    return name;
  });
  for (const required of ['regions.csv', 'indicators.csv']) if (!csv.includes(required)) fail('csv', `must list ${required}`);
  const summaries = list(raw, 'summaries', '').map((s, i) => summary(s, `summaries[${i}]`));
  if (!summaries.some((s) => s.table === 'coverage')) fail('summaries', 'must include the coverage table');
  return {
    dataset: str(raw, 'dataset', ''), format_version: int(raw, 'format_version', ''), layout, synthetic,
    ...(typeof raw.note === 'string' ? { note: raw.note } : {}),
    csv, summaries, partitions,
  };
}
