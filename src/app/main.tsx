import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserDatabase } from '../db/browser-database.ts';
import { App } from './App.tsx';
import './app.css';

// The page's one database handle, passed down (App → DatabaseProvider). The researcher's stored
// datasets load with DuckDB, before the first view queries; the store's code is fetched only then,
// so the first chunk stays small.
const database = createBrowserDatabase({
  loadStoredRows: async (db) => (await import('../features/shared/user-data/user-data-state.ts')).loadStoredDatasets(db),
});
createRoot(document.getElementById('root')!).render(<StrictMode><App database={database} /></StrictMode>);
