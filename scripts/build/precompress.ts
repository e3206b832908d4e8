/**
 * A Vite build plugin: writes `<file>.br` and `<file>.gz` next to each large asset (the duckdb-wasm
 * `.wasm` files) so a static server can send them compressed without compressing on every request
 * (scripts/e2e/static-server.ts does: `Content-Encoding` + `Content-Type: application/wasm`, so
 * `WebAssembly.instantiateStreaming` still compiles while the bytes arrive).
 *
 * Levels were measured on the 34 MB eh wasm (2 cores): brotli quality 5 → 6.2 MB in ~1.1 s
 * (quality 11 would take minutes), gzip level 6 → 7.7 MB in ~1.0 s. Both are written: browsers send
 * `br` only to secure origins (Chromium counts http://127.0.0.1 as one and gets br), gzip elsewhere.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export const PRECOMPRESSED_EXTENSIONS = ['.wasm'] as const;
export const BROTLI_QUALITY = 5;
export const GZIP_LEVEL = 6;

/** Compresses one file into `.br` and `.gz` siblings. */
export async function precompressFile(path: string): Promise<void> {
  const bytes = await readFile(path);
  const [br, gzipped] = await Promise.all([
    brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
    gz(bytes, { level: GZIP_LEVEL }),
  ]);
  await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
}

export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'atlas-precompress',
    apply: 'build',
    configResolved(config) { outDir = config.build.outDir; },
    async closeBundle() {
      const assets = join(outDir, 'assets');
      const names = await readdir(assets).catch(() => [] as string[]);
      const targets = names.filter((name) => PRECOMPRESSED_EXTENSIONS.some((ext) => name.endsWith(ext)));
      await Promise.all(targets.map((name) => precompressFile(join(assets, name))));
    },
  };
}
