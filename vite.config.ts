import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { precompress } from './scripts/build/precompress.ts';

export default defineConfig({
  plugins: [react(), precompress()],
  // duckdb-wasm's worker and wasm files are imported with `?url` and emitted as local assets;
  // pre-bundling would rewrite those URLs, so it is excluded from dependency optimisation.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // .vite/manifest.json: which chunks the entry and each view import; scripts/bench/bundle-size.ts reads it.
    manifest: true,
  },
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});
