/**
 * What the benchmark's interactions are chosen from: observations read from the dataset the bench
 * serves, never hard-coded ids, so the same script makes sense on the shipped dataset and on a
 * synthetic national one.
 *
 * - the shipped layout: `observations.csv` (and `regions.csv`);
 * - the partitioned layout (manifest.json with `partitions`, Hive `observations/province=…/year=…/*.parquet`):
 *   the observations of the province with the most rows, read with hyparquet (one province is
 *   plenty to pick indicators, places, years and source quotes from).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import Papa from 'papaparse';

export interface SampleObservation {
  region_code: string;
  region_name: string;
  year: number;
  indicator_id: string;
  obs_id: string;
  /** A value for the whole year (period 'year'): Trends hides part-year counts by default. */
  full_year: boolean;
  has_value: boolean;
  /** From regions.csv when the dataset has one, else ''. */
  prefecture_code: string;
}

interface PartitionedManifest {
  partitions?: Array<{ province: string; year: number; files: Array<{ table: string; path: string; rows: number }> }>;
}


function fromRow(row: Record<string, unknown>, prefectures: ReadonlyMap<string, string>): SampleObservation {
  return {
    prefecture_code: prefectures.get(String(row.region_code)) ?? '',
    full_year: row.period === undefined || row.period === null || row.period === 'year',
    region_code: String(row.region_code),
    region_name: String(row.region_name ?? ''),
    year: Number(row.year),
    indicator_id: String(row.indicator_id),
    obs_id: String(row.obs_id),
    has_value: row.value !== null && row.value !== undefined && row.value !== '',
  };
}

function readCsv(path: string): Array<Record<string, string>> {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${path}: row ${parsed.errors[0]!.row}: ${parsed.errors[0]!.message}`);
  return parsed.data;
}

export async function readSample(dataDir: string): Promise<SampleObservation[]> {
  const regionsCsv = join(dataDir, 'regions.csv');
  const prefectures = new Map(existsSync(regionsCsv) ? readCsv(regionsCsv).map((r) => [r.region_code ?? '', r.prefecture_code || r.province_code || ''] as const) : []);
  const csv = join(dataDir, 'observations.csv');
  if (existsSync(csv)) return readCsv(csv).map((row) => fromRow(row, prefectures));
  const manifestPath = join(dataDir, 'manifest.json');
  const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) as PartitionedManifest : {};
  if (!manifest.partitions?.length) throw new Error(`${dataDir}: neither observations.csv nor a manifest.json with partitions`);
  const rowsByProvince = new Map<string, number>();
  for (const p of manifest.partitions) {
    const rows = p.files.filter((f) => f.table === 'observations').reduce((n, f) => n + f.rows, 0);
    rowsByProvince.set(p.province, (rowsByProvince.get(p.province) ?? 0) + rows);
  }
  const [province] = [...rowsByProvince.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
  const files = manifest.partitions.filter((p) => p.province === province)
    .flatMap((p) => p.files.filter((f) => f.table === 'observations').map((f) => ({ path: f.path, year: p.year })));
  const sample: SampleObservation[] = [];
  for (const file of files) {
    const buffer = await asyncBufferFromFile(join(dataDir, file.path));
    const rows = await parquetReadObjects({ file: buffer }) as Array<Record<string, unknown>>;
    // The year may live only in the partition path (year=…), not in the file.
    for (const row of rows) sample.push(fromRow({ year: file.year, ...row }, prefectures));
  }
  return sample;
}
