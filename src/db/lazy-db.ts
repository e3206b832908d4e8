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

/** The one DuckDB of the page. Every caller awaits the same start-up; a failed one may be retried. */
export function getDb(): Promise<Db> {
  started ??= (async () => {
    setStage('code');
    watchEngineReady();
    const module = await import('./wasm-db.ts');
    setStage('engine');
    const db = await module.getDb();
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
