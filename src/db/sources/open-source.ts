/**
 * Chooses the source from the dataset's manifest.json: `layout: "hive-parquet"` → partitioned,
 * anything else (the shipped dataset, or no manifest at all) → CSV.
 */
import { openCsvSource, prefetchCsv } from './csv-source.ts';
import { parseManifest, type DatasetManifest } from './manifest.ts';
import type { DataSource, Engine } from './source.ts';

/** The manifest, or the CSV layout when the dataset has none (a plain folder of CSVs, e.g. the test fixture). */
export async function fetchManifest(base: string): Promise<DatasetManifest> {
  const response = await fetch(`${base}manifest.json`);
  if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return { layout: 'csv', synthetic: false };
  return parseManifest(await response.json());
}

/**
 * Starts fetching what the dataset needs before DuckDB is up (`prepare`), then fills it (`open`).
 * For CSV the table files are fetched right away, in parallel with the manifest.
 */
export function prepareSource(base: string): { open(engine: Engine): Promise<DataSource> } {
  const manifest = fetchManifest(base);
  manifest.catch(() => undefined);
  let csv: Promise<Map<string, string>> | null = null;
  const csvFiles = () => (csv ??= prefetchCsv(base));
  void manifest.then((m) => { if (m.layout === 'csv') csvFiles(); }, () => undefined);
  return {
    async open(engine: Engine): Promise<DataSource> {
      const m = await manifest;
      if (m.layout !== 'hive-parquet') return openCsvSource(engine, m, csvFiles());
      // The Parquet reader (hyparquet, Arrow builders) is its own chunk: the shipped CSV dataset never loads it.
      const { openPartitionedSource } = await import('./partitioned-source.ts');
      return openPartitionedSource(engine, m, base);
    },
  };
}

export type { DataSource, LoadReport } from './source.ts';
export { ALL, NONE, peerScope, placesScope, unionScope, scopeKey, provinceOf, type Scope } from './scope.ts';
