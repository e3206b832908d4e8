/**
 * The browser's database handle (database.ts), without DuckDB in the initial JavaScript: the first
 * call imports wasm-db.ts (duckdb-wasm, apache-arrow) as its own chunk, so the landing chart can
 * paint from the snapshot while the database downloads and starts in the background. One start-up
 * per handle, awaited by every caller; a failed one may be retried.
 *
 * The stage (`stage`, `onStage`): loading the code → starting DuckDB (wasm download and compile) →
 * loading the tables → ready (or failed). The `atlas:duckdb-ready` mark (set by wasm-db.ts once
 * DuckDB has opened) moves it to "tables"; `atlas:dataset-loaded` is marked here when the tables are in.
 *
 * The researcher's stored rows (`storedRows`, `onStoredRows`: stored-rows-status.ts) are not waited
 * for: their store is read while DuckDB starts (how many rows), and they load once the views' first
 * queries are answered from the shipped data (wasm-db.ts), so a million stored rows do not hold the
 * dashboard back. Until they are in, the page says so (src/app/StoredRowsStatus.tsx) and then asks
 * every query again. Measured: docs/BENCHMARKS.md, "Start-up with stored rows, progressively".
 */
import type { Db } from './db.ts';
import type { Database, DbStage } from './database.ts';
import { ALL, NONE } from './sources/scope.ts';
import { createStoredRowsTracker } from './stored-rows-status.ts';
import type { StartedDb, StartOptions } from './wasm-db.ts';

export function createBrowserDatabase(options: StartOptions = {}): Database {
  const storedRows = createStoredRowsTracker(options.storedRows !== undefined);
  // Resolved by the first caller that needs the stored rows now (userRows): their load stops waiting for the views.
  let loadNow: () => void = () => undefined;
  const now = new Promise<void>((resolve) => { loadNow = resolve; });
  let storedIn: Promise<void> | null = null;
  let stage: DbStage = 'idle';
  const listeners = new Set<(stage: DbStage) => void>();
  let started: Promise<StartedDb> | null = null;

  const setStage = (next: DbStage): void => {
    if (stage === next) return;
    stage = next;
    for (const listener of listeners) listener(next);
  };
  const onStage = (listener: (stage: DbStage) => void): (() => void) => {
    listeners.add(listener);
    return () => { listeners.delete(listener); };
  };

  function watchEngineReady(): void {
    if (typeof PerformanceObserver === 'undefined') return;
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('atlas:duckdb-ready').length > 0 && stage === 'engine') setStage('tables');
    });
    observer.observe({ type: 'mark' });
    const stop = onStage((now) => { if (now === 'ready' || now === 'failed') { observer.disconnect(); stop(); } });
  }

  function start(): Promise<StartedDb> {
    started ??= (async () => {
      setStage('code');
      watchEngineReady();
      // The store is read while DuckDB downloads and starts: the page can say how many rows will follow.
      options.storedRows?.count().then(storedRows.counted, () => storedRows.counted(0));
      const code = performance.now();
      performance.mark('atlas:db-start'); // npm run bench:user-rows: the page's own boot ends here
      const { startWasmDb } = await import('./wasm-db.ts');
      performance.measure('atlas:startup-step', { start: code, detail: 'db-code' });
      setStage('engine');
      const running = await startWasmDb(options);
      performance.mark('atlas:dataset-loaded');
      setStage('ready');
      // Not awaited: the views answer from the shipped data meanwhile, and the page says the rows are still loading.
      storedIn = running.loadStoredRows(now).finally(storedRows.loaded);
      return running;
    })().catch((error: unknown) => {
      started = null;
      setStage('failed');
      storedRows.failed();
      throw error;
    });
    return started;
  }

  const forScope = async (scope: Parameters<Database['forScope']>[0], view: string): Promise<Db> => {
    const { db, source } = await start();
    await source.ensure(scope, view);
    return db;
  };

  const forPlaces = async (regionCodes: readonly string[], view: string): Promise<Db> => {
    const { db, source } = await start();
    await source.places(regionCodes, view);
    return db;
  };

  const forTiles = async (indicatorId: string, years: readonly number[], view: string): Promise<Db | null> => {
    const { db, source } = await start();
    return (await source.tiles(indicatorId, years, view)) ? db : null;
  };

  const forStandings = async (regionCode: string, view: string): Promise<Db | null> => {
    const { db, source } = await start();
    return (await source.standings(regionCode, view)) ? db : null;
  };

  const forObservation = async (obsId: string, view: string): Promise<Db> => {
    const { db, source } = await start();
    await source.ensure(NONE, view); // a load under way may hold the row
    // Only a partitioned dataset has tiles; the lookup's module stays off the shipped dataset's path.
    const place = source.manifest.layout === 'hive-parquet' ? await (await import('./queries/tile-place.ts')).tileFigurePlace(db, obsId) : null;
    if (place) await source.places([place.region_code], view, [place.year]);
    return db;
  };

  return {
    forScope,
    forPlaces,
    forTiles,
    forStandings,
    forObservation,
    whole: () => forScope(ALL, 'all'),
    loaded: async () => (await start()).db,
    source: async () => (await start()).source,
    userRows: async () => {
      const { userDb, afterUserRowsChange } = await start();
      loadNow();
      await storedIn;
      return { db: userDb, afterChange: afterUserRowsChange };
    },
    storedRows: storedRows.current,
    onStoredRows: storedRows.subscribe,
    stage: () => stage,
    onStage,
  };
}
