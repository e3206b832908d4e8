/**
 * The shipped dataset: one CSV per table, fetched whole at start-up and read with `read_csv` and
 * declared types (schema.ts); then the pre-aggregates are computed in place (pre-aggregates.ts).
 * Every scope is already loaded.
 */
import { CREATE_COVERAGE_SQL } from '../pre-aggregates.ts';
import { TABLES, createTables, type TableSpec } from '../schema.ts';
import type { DatasetManifest } from './manifest.ts';
import type { DataSource, Engine } from './source.ts';

/** Fetches one file of the dataset as text; a missing optional table is null. */
export async function fetchText(url: string, required: boolean): Promise<string | null> {
  const response = await fetch(url);
  // A dev server answers a missing file with the SPA's index.html: that is not a CSV either.
  if (!response.ok || (response.headers.get('content-type') ?? '').includes('text/html')) {
    if (!required) return null;
    throw new Error(`Could not load ${url}: ${response.ok ? 'not a CSV file' : `HTTP ${response.status}`}`);
  }
  return response.text();
}

/** Starts the downloads at once (while the wasm compiles); `open` waits for them. */
export function prefetchCsv(base: string): Promise<Map<string, string>> {
  const files = Promise.all(TABLES.map(async (table: TableSpec) => {
    const text = await fetchText(`${base}${table.file}`, table.required);
    return text === null ? null : ([table.file, text] as const);
  })).then((entries) => new Map(entries.filter((entry) => entry !== null)));
  files.catch(() => undefined); // awaited in open; avoids an unhandled rejection if start-up fails first
  return files;
}

export async function openCsvSource(engine: Engine, manifest: DatasetManifest, prefetched: Promise<Map<string, string>>): Promise<DataSource> {
  const files = await prefetched;
  for (const [name, text] of files) await engine.registerFileText(name, text);
  await createTables((sql) => engine.db.exec(sql), (table) => (files.has(table.file) ? table.file : null));
  await engine.db.exec(CREATE_COVERAGE_SQL);
  const nothing = { partitions: 0, files: 0, bytes: 0 };
  return {
    manifest,
    fetched: nothing,
    ensure: (_scope, view) => Promise.resolve({ view, partitions: 0, files: 0, bytes: 0, rows: 0, ms: 0 }),
    tiles: () => Promise.resolve(false), // every row is loaded: the queries read them
    standings: () => Promise.resolve(false),
    places: () => Promise.resolve(),
  };
}
