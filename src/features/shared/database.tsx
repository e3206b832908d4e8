/**
 * The database handle (src/db/database.ts), created once in src/app/main.tsx and handed to every
 * view through this context: a hook that queries asks for it here, never for a module-level door.
 * Also where the researcher's stored rows are on their way into it, as a React value.
 */
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Database } from '../../db/database.ts';
import type { StoredRowsStatus } from '../../db/stored-rows-status.ts';

const DatabaseContext = createContext<Database | null>(null);

export function DatabaseProvider({ database, children }: { database: Database; children: ReactNode }) {
  return <DatabaseContext.Provider value={database}>{children}</DatabaseContext.Provider>;
}

export function useDatabase(): Database {
  const database = useContext(DatabaseContext);
  if (!database) throw new Error('useDatabase: no DatabaseProvider above this component (src/app/App.tsx provides it)');
  return database;
}

/**
 * Where the stored rows are (src/db/stored-rows-status.ts): a component re-renders when the stage
 * moves (listing → loading → in). Kept beside the handle, in the page's first chunk, because both the
 * landing view's idle prefetch and the export buttons read it (a chunk of its own cost the first chart bytes).
 */
export function useStoredRows(): StoredRowsStatus {
  const database = useDatabase();
  const snapshot = () => database.storedRows();
  return useSyncExternalStore((onChange) => database.onStoredRows(onChange), snapshot, snapshot);
}

/** Whether answers are as complete as they will get: the stored rows are in (or there are none, or they failed). */
export const storedRowsSettled = (status: StoredRowsStatus): boolean => status.stage === 'in' || status.stage === 'failed';
