/**
 * The database handle (src/db/database.ts), created once in src/app/main.tsx and handed to every
 * view through this context: a hook that queries asks for it here, never for a module-level door.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Database } from '../../db/database.ts';

const DatabaseContext = createContext<Database | null>(null);

export function DatabaseProvider({ database, children }: { database: Database; children: ReactNode }) {
  return <DatabaseContext.Provider value={database}>{children}</DatabaseContext.Provider>;
}

export function useDatabase(): Database {
  const database = useContext(DatabaseContext);
  if (!database) throw new Error('useDatabase: no DatabaseProvider above this component (src/app/App.tsx provides it)');
  return database;
}
