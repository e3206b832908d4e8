/**
 * Where the researcher's stored rows are on their way into DuckDB (src/db/stored-rows-status.ts),
 * as a React value: a component re-renders when the stage moves (listing → loading → in).
 */
import { useSyncExternalStore } from 'react';
import type { StoredRowsStatus } from '../../db/stored-rows-status.ts';
import { useDatabase } from './database.tsx';

export function useStoredRows(): StoredRowsStatus {
  const database = useDatabase();
  const snapshot = () => database.storedRows();
  return useSyncExternalStore((onChange) => database.onStoredRows(onChange), snapshot, snapshot);
}

/** Whether answers are as complete as they will get: the stored rows are in (or there are none, or they failed). */
export const storedRowsSettled = (status: StoredRowsStatus): boolean => status.stage === 'in' || status.stage === 'failed';
