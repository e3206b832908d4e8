import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerStartupLoader } from '../features/user-data/user-data-state.ts';
import { App } from './App.tsx';
import './app.css';

registerStartupLoader(); // stored datasets load with DuckDB, before the first view queries
createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
