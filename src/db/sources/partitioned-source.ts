/**
 * A national dataset in Hive-partitioned Parquet (manifest `layout: "hive-parquet"`). Start-up
 * loads the small tables (regions, indicators: CSV) and the pre-aggregated `coverage` table, and
 * creates `observations`, `reports` and `rejects` empty. A view then calls `ensure(scope)`: the
 * partitions of that scope not loaded yet are fetched (range requests through hyparquet), turned
 * into Arrow and appended. Loads run one after another, so two views asking for the same
 * partition never insert it twice. A view needing only some places' rows calls `places(codes)`: their
 * per-place files when the manifest lists them (place-loader.ts), each row kept once whichever of a
 * place's file and its partitions loads first (row-filter.ts).
 */
import { SHIPPED_ONLY_VIEW_SQL } from '../observations-view.ts';
import { COVERAGE_TABLE, CREATE_EMPTY_COVERAGE_SQL } from '../pre-aggregates.ts';
import { TABLES, addOptionalColumnsSql, emptyTableSql, loadTableSql, type TableName, type TableSpec } from '../schema.ts';
import { fetchText } from './csv-source.ts';
import type { Partition, PartitionedManifest } from './manifest.ts';
import { readColumns, remoteParquet, toArrow, type ByteCounter } from './parquet-table.ts';
import { missingPartitions, partitionKey, placesScope, type Scope } from './scope.ts';
import { placeLoader } from './place-loader.ts';
import { withoutPlaces } from './row-filter.ts';
import { CREATE_EMPTY_TILES_SQL } from '../tiles.ts';
import { STANDING_OTHERS_TABLE, STANDING_PLACES_TABLE, createEmptySql } from '../standings.ts';
import { standingsLoader } from './standings-loader.ts';
import { tileLoader, type TileLoad } from './tile-loader.ts';
import { markLoad, type DataSource, type Engine, type LoadReport } from './source.ts';

const spec = (name: TableName): TableSpec => TABLES.find((t) => t.name === name)!;

/** Fetches a Parquet file and appends its rows to `table` (created on first use by the caller). */
async function appendParquet(engine: Engine, url: string, bytes: number, table: Pick<TableSpec, 'columns'> & { name: string }, counter: ByteCounter): Promise<number> {
  const file = await remoteParquet(url, bytes, counter);
  const { columns, rows } = await readColumns(file, Object.keys(table.columns));
  if (rows > 0) await engine.insertArrow(table.name, toArrow(table, columns, rows));
  return rows;
}

export async function openPartitionedSource(engine: Engine, manifest: PartitionedManifest, base: string): Promise<DataSource> {
  const counter: ByteCounter = { bytes: 0, requests: 0 };
  const fetched = { partitions: 0, files: 0, bytes: 0 };
  const small = await Promise.all(manifest.csv.map(async (name) => [name, await fetchText(`${base}${name}`, true)] as const));
  for (const [name, text] of small) await engine.registerFileText(name, text!);
  const shipped = new Set(manifest.csv);
  // regions and indicators from their CSV; observations, reports, rejects start empty.
  for (const table of TABLES) {
    await engine.db.exec(shipped.has(table.file) ? loadTableSql(table, table.file) : emptyTableSql(table));
    for (const sql of addOptionalColumnsSql(table)) await engine.db.exec(sql);
  }
  await engine.db.exec(SHIPPED_ONLY_VIEW_SQL); // partitions append to the shipped table; queries read the view
  await engine.db.exec(CREATE_EMPTY_COVERAGE_SQL);
  await engine.db.exec(CREATE_EMPTY_TILES_SQL);
  await engine.db.exec(createEmptySql(STANDING_PLACES_TABLE));
  await engine.db.exec(createEmptySql(STANDING_OTHERS_TABLE));
  for (const summary of manifest.summaries) {
    await appendParquet(engine, `${base}${summary.path}`, summary.bytes, COVERAGE_TABLE, counter);
    fetched.files += 1;
  }
  fetched.bytes = counter.bytes;

  const loaded = new Set<string>();
  const places = manifest.places ? placeLoader(engine, manifest.places, base, counter, manifest.partitions, loaded) : null;
  let queue: Promise<unknown> = Promise.resolve();

  async function load(partitions: Partition[], view: string): Promise<LoadReport> {
    const started = performance.now();
    const before = counter.bytes;
    let rows = 0;
    let files = 0;
    // Fetch and decode in parallel (a few at a time), insert one by one (one connection).
    const LIMIT = 6;
    for (let i = 0; i < partitions.length; i += LIMIT) {
      const batch = partitions.slice(i, i + LIMIT).filter((p) => !loaded.has(partitionKey(p)));
      const decoded = await Promise.all(batch.flatMap((p) => p.files.map(async (f) => {
        const table = spec(f.table);
        const file = await remoteParquet(`${base}${f.path}`, f.bytes, counter);
        const read = await readColumns(file, Object.keys(table.columns));
        // The places loaded from their own files are in already (row-filter.ts).
        return { table, ...(places ? withoutPlaces(read.columns, read.rows, places.loaded) : read) };
      })));
      for (const d of decoded) {
        if (d.rows > 0) await engine.insertArrow(d.table.name, toArrow(d.table, d.columns, d.rows));
        if (d.table.name === 'observations') rows += d.rows;
        files += 1;
      }
      for (const p of batch) loaded.add(partitionKey(p));
    }
    const report: LoadReport = { view, partitions: partitions.length, files, bytes: counter.bytes - before, rows, ms: Math.round(performance.now() - started) };
    fetched.partitions += report.partitions;
    fetched.files += files;
    fetched.bytes += report.bytes;
    if (report.partitions > 0) markLoad(report); // a scope already loaded is not news
    return report;
  }

  const loadTiles = manifest.tiles ? tileLoader(engine, manifest.tiles, base, counter) : null;
  const loadStandings = manifest.standings ? standingsLoader(engine, manifest.standings, base, counter) : null;

  /**
   * Pre-aggregates and place files go through the same queue as partitions: one insert at a time. What
   * is loaded already (`ready`) is not queued: its rows are in DuckDB, and waiting would put the reader's
   * query behind unrelated loads, e.g. the idle prefetch's (0.5–4 s at national scale under load,
   * docs/BENCHMARKS.md "National scale: part E"). A load under way for other rows never touches these:
   * a partition loaded later leaves out the rows of places loaded from their own files (row-filter.ts).
   */
  function preAggregated(view: string, run: (() => Promise<TileLoad>) | null, ready: () => boolean): Promise<boolean> {
    if (!run) return Promise.resolve(false);
    if (ready()) return Promise.resolve(true);
    const done = queue.then(async () => {
      const started = performance.now();
      const load = await run();
      fetched.files += load.files;
      fetched.bytes += load.bytes;
      if (load.files > 0) markLoad({ view, partitions: 0, ...load, ms: Math.round(performance.now() - started) });
      return true;
    });
    queue = done.catch(() => undefined);
    return done;
  }

  function ensure(scope: Scope, view: string): Promise<LoadReport> {
    const run = queue.then(() => load(missingPartitions(manifest.partitions, scope, loaded), view));
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    manifest,
    fetched,
    ensure,
    tiles: (indicatorId, years, view) =>
      preAggregated(view, loadTiles && (() => loadTiles.load(indicatorId, years)), () => loadTiles!.has(indicatorId, years)),
    standings: (regionCode, view) =>
      preAggregated(view, loadStandings && (() => loadStandings.load(regionCode)), () => loadStandings!.has(regionCode)),
    async places(regionCodes, view, years = 'all'): Promise<void> {
      // Without place files, the places' provinces (for these years) hold their rows.
      if (!(await preAggregated(view, places && (() => places.load(regionCodes)), () => places!.has(regionCodes)))) await ensure(placesScope(regionCodes, years), view);
    },
  };
}
