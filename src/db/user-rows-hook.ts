/**
 * How DuckDB's start-up loads the researcher's stored datasets (issue 5): the UI registers a loader
 * here (the store lives above this layer), `prepareUserTables` runs it. A module of its own with no
 * imports, so registering it from the entry point adds nothing to the first chunk.
 */
import type { Db } from './db.ts';

export type StartupLoader = (db: Db) => Promise<void>;

let startupLoader: StartupLoader | null = null;

export function setStartupUserRows(loader: StartupLoader | null): void {
  startupLoader = loader;
}

export const startupUserRows = (): StartupLoader | null => startupLoader;
