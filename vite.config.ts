import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { precompress } from './scripts/build/precompress.ts';
import { cspPlugin } from './scripts/vite/csp-plugin.ts';
import { prerenderPlugin } from './scripts/vite/prerender-plugin.ts';

/**
 * The tests' time zone, pinned: dates in file names and exports must not depend on the machine.
 * The browser tests' Chromium uses the same zone (tests/e2e/support.ts `timezoneId`).
 */
export const TEST_TZ = 'Asia/Shanghai';
process.env.TZ = TEST_TZ;

export default defineConfig({
  plugins: [react(), precompress(), cspPlugin(), prerenderPlugin()],
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
    // Hooks build whole datasets (beforeAll); on the shared 2-core machine under load that exceeded vitest's 10 s default.
    hookTimeout: 120_000,
    pool: 'forks',
    // Two files at a time, as the browser tests: vitest's default is one fewer than the cores, so one
    // on the 2-core CI machine, and the unit stage ran its files one after another (measured: 883 s →
    // 586 s at load 11-20, docs/ROADMAP.md "The test suite's time").
    maxWorkers: 2,
    env: { TZ: TEST_TZ },
  },
});
