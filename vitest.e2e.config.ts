/**
 * The browser tests (`npm run test:e2e`): tests/e2e/*.e2e.ts drive Debian's Chromium through
 * playwright-core against the production bundle, built once and served by scripts/e2e/static-server.ts
 * (see scripts/e2e/global-setup.ts). Kept apart from the unit tests' config in vite.config.ts.
 */
import { defineConfig } from 'vitest/config';
import { TEST_TZ } from './vite.config.ts';

process.env.TZ = TEST_TZ;

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['scripts/e2e/global-setup.ts'],
    // One browser per file; two files at a time suits a 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { TZ: TEST_TZ },
  },
});
