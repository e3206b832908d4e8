/**
 * Vitest global setup of the browser tests (vitest.e2e.config.ts), run once per `npm run test:e2e`:
 * 1. checks (or installs) Chromium and a CJK font (prerequisites.ts);
 * 2. builds the production bundle into a temporary directory (`vite build`), unless
 *    `E2E_DIST=<dir>` names an existing build to serve instead;
 * 3. serves it with the plain static server on a free loopback port;
 * 4. hands the test files the base URL and the Chromium path (`inject('e2e')`).
 * Teardown stops the server and removes the temporary build (`E2E_KEEP_DIST=1` keeps it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { chromiumPath, ensureBrowserPrerequisites } from './prerequisites.ts';
import { startStaticServer } from './static-server.ts';

export interface E2eContext {
  /** Where the built app is served, with a trailing slash. */
  baseUrl: string;
  chromium: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function build(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'atlas-e2e-dist-'));
  const started = Date.now();
  const run = spawnSync(process.execPath, [join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    // Vitest sets NODE_ENV=test, which Vite would keep: React's development build would be bundled.
    cwd: REPO, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' },
  });
  if (run.status !== 0) throw new Error(`vite build failed (exit ${run.status ?? run.signal})`);
  console.log(`[e2e] built the bundle into ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return outDir;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureBrowserPrerequisites();
  const given = process.env.E2E_DIST;
  const root = given ? resolve(given) : build();
  if (!existsSync(join(root, 'index.html'))) throw new Error(`E2E_DIST=${given}: no index.html there (run \`npm run build\` first?)`);
  const server = await startStaticServer({ root });
  console.log(`[e2e] serving ${root} at ${server.url}`);
  project.provide('e2e', { baseUrl: server.url, chromium: chromiumPath() });
  return async () => {
    await server.close();
    if (!given && !process.env.E2E_KEEP_DIST) rmSync(root, { recursive: true, force: true });
  };
}
