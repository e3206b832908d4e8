/**
 * The page's door to DuckDB, without DuckDB in the initial JavaScript: `getDb()` imports wasm-db.ts
 * (duckdb-wasm, apache-arrow) on first use, as its own chunk, so the landing chart can paint from the
 * snapshot while the database downloads and starts in the background.
 *
 * It also tells the page how far the start-up has got (`dbStage`, `onDbStage`): loading the code →
 * starting DuckDB (wasm download and compile) → loading the tables → ready (or failed). The
 * `atlas:duckdb-ready` mark (set by wasm-db.ts once DuckDB has opened) moves it to "tables";
 * `atlas:dataset-loaded` is marked here when the tables are in.
 */
import type { Db } from './db.ts';
import type { Scope } from './sources/scope.ts';
import type { DataSource } from './sources/source.ts';

export type DbStage = 'idle' | 'code' | 'engine' | 'tables' | 'ready' | 'failed';

let stage: DbStage = 'idle';
const listeners = new Set<(stage: DbStage) => void>();
let started: Promise<Db> | null = null;

function setStage(next: DbStage): void {
  if (stage === next) return;
  stage = next;
  for (const listener of listeners) listener(next);
}

export const dbStage = (): DbStage => stage;

/** Calls `listener` on every stage change; returns the unsubscribe function. */
export function onDbStage(listener: (stage: DbStage) => void): () => void {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}

function watchEngineReady(): void {
  if (typeof PerformanceObserver === 'undefined') return;
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('atlas:duckdb-ready').length > 0 && stage === 'engine') setStage('tables');
  });
  observer.observe({ type: 'mark' });
  onDbStage((now) => { if (now === 'ready' || now === 'failed') observer.disconnect(); });
}

let engineModule: Promise<typeof import('./wasm-db.ts')> | null = null;
const loadEngine = () => (engineModule ??= import('./wasm-db.ts').catch((error: unknown) => { engineModule = null; throw error; }));

/** The database with a scope's rows loaded (wasm-db.ts `getDbFor`; a no-op scope for the CSV dataset). */
export async function getDbFor(scope: Scope, view: string): Promise<Db> {
  await started_();
  return (await loadEngine()).getDbFor(scope, view);
}

/** The database as loaded now, without fetching anything more. */
export async function getLoadedDb(): Promise<Db> {
  await started_();
  return (await loadEngine()).getLoadedDb();
}

/** The dataset's source (its manifest says whether it is synthetic). */
export async function getSource(): Promise<DataSource> {
  await started_();
  return (await loadEngine()).getSource();
}

/** Start-up (the tables the dataset loads at once, the user's rows), reported through the stages. */
function started_(): Promise<Db> {
  started ??= (async () => {
    setStage('code');
    watchEngineReady();
    const module = await loadEngine();
    setStage('engine');
    const db = await module.getLoadedDb();
    performance.mark('atlas:dataset-loaded');
    setStage('ready');
    return db;
  })().catch((error: unknown) => {
    started = null;
    setStage('failed');
    throw error;
  });
  return started;
}

/** The one DuckDB of the page with the whole dataset loaded. Every caller awaits the same start-up; a failed one may be retried. */
export async function getDb(): Promise<Db> {
  await started_();
  return (await loadEngine()).getDb();
}
