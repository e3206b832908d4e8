import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setStartupUserRows } from '../db/user-rows-hook.ts';
import { App } from './App.tsx';
import './app.css';

// The researcher's stored datasets load with DuckDB, before the first view queries (issue 5); the
// store's code is fetched only then, so the first chunk stays small.
setStartupUserRows(async (db) => (await import('../features/shared/user-data/user-data-state.ts')).loadStoredDatasets(db));
createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
