/**
 * Bundle sizes of a production build, read from Vite's manifest (`build.manifest: true` writes
 * `<dist>/.vite/manifest.json`), and the initial-JavaScript budget.
 *
 * Two measures, both in gzip (zlib level 9) and raw bytes of each file as built:
 * - "Initial JS" — the entry chunk and its static imports: what index.html loads (its script and
 *   modulepreloads) before anything is imported on demand. Issue 12's 150 KB budget applies here and
 *   `npm test` fails past it. Lazy chunks (every view, ECharts, DuckDB, exports) are listed one by one.
 * - "First-chart JS" — the initial JS plus the landing view (Trends) chunk and its static imports
 *   (ECharts): everything the live landing chart needs. The first chart itself paints before any of
 *   it runs (prerendered into index.html: scripts/vite/prerender-plugin.ts); this is the path to the
 *   live, clickable chart that takes over. Reported, with its own ceiling so it cannot creep up
 *   unnoticed; docs/BENCHMARKS.md says why it is over the 250 KB target.
 * Excluded from both: what loads in the background or on demand — DuckDB (wasm-db.ts, duckdb-wasm,
 * apache-arrow, its worker and wasm), the other views, the export code.
 *
 * Usage: `npm run check:bundle [-- --dist <dir>] [-- --json <file>]` (no --dist: builds into a temp dir).
 * Exit status 1 when the initial JS exceeds INITIAL_JS_CEILING_GZIP (see there).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

/** The budget for the initial JavaScript, gzip bytes (issue 12's target; docs/BENCHMARKS.md, start-up). */
export const INITIAL_JS_BUDGET_GZIP = 150 * 1024;
/** Issue 12's target for the first-chart JS, gzip bytes: reported as met or not (the ceiling below is what fails). */
export const FIRST_CHART_JS_TARGET_GZIP = 250 * 1024;
/**
 * The ceiling for the first-chart JS (initial + Trends + ECharts). The 250 KB target is not met on this
 * path (ECharts 6 core with only the line and scatter charts is ~150 KB gzip and React DOM ~58 KB;
 * docs/BENCHMARKS.md), so it fails on a regression past the current size plus a small margin.
 * Raised from 300 to 305 KB when the chart's subtitle and exports began naming every source with its
 * citation (302 KB measured). Lowered to 292 KB when the other views' words left the entry chunk for
 * their own (288.7 KB measured; issue 12). ECharts alone is 171 KB of it. Set to 294 KB when the
 * Trends explorer (place colours, line-end labels, year range), the idle prefetch's hook and the
 * translated units and flags joined the path (292.6 KB measured after the merge); 296 KB when the
 * Trends display controls came back into the view chunk so their late arrival no longer shifted the
 * chart (294.7 KB measured); 292 KB when the export and source-panel words left the entry chunk for the
 * export code's (291.4 KB measured); 293 KB when the Trends year range became one two-thumb slider
 * (YearRangeSlider, keyboard and ARIA), the key's rows made room below a narrow plot and the catalog hook
 * learnt the manifest's tiles (292.4 KB measured after the merge, 2026-12-06); 294 KB when the manifest learnt
 * the per-place files' index, Trends' loader the place files, and the landing page's About line the sentence-gap rule
 * (293.1 KB measured after the merge, 2026-12-06); 293 KB when ECharts' plain legend replaced the one that also
 * registered the scrolling legend (291.9 KB measured, session 9). The floor on this path is React DOM (~64 KB with React and the
 * scheduler) plus ECharts core with line, grid, legend and tooltip (~168 KB): docs/BENCHMARKS.md.
 */
export const FIRST_CHART_JS_CEILING_GZIP = 293 * 1024;
/** The landing view's module, as the manifest names it. */
export const LANDING_VIEW = 'src/features/trends/TrendsView.tsx';
export const MANIFEST_PATH = '.vite/manifest.json';

interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface FileSize { file: string; raw: number; gzip: number }
/** A wasm file: its size and those of its precompressed siblings (scripts/build/precompress.ts), null if absent. */
export interface WasmSize { file: string; raw: number; gzip: number | null; brotli: number | null }
export interface BundleReport {
  initialJs: FileSize[];
  /** The landing view's chunks beyond the initial ones (Trends, ECharts). */
  landingJs: FileSize[];
  initialCss: FileSize[];
  lazyJs: FileSize[];
  lazyCss: FileSize[];
  wasm: WasmSize[];
  totals: { initialJs: { raw: number; gzip: number }; firstChartJs: { raw: number; gzip: number }; initialCss: { raw: number; gzip: number } };
  /** The initial-JS budget (150 KB) and whether it is met: `npm test` fails when not. */
  budgetGzip: number;
  withinBudget: boolean;
  /** The first-chart JS ceiling, and whether the build is within it: `npm test` fails when not. */
  ceilingGzip: number;
  withinCeiling: boolean;
}

/** Reads a built file by its path relative to the build root (from disk, or over HTTP in the e2e test). */
export type ReadBuilt = (path: string) => Promise<Uint8Array>;
/** The byte size of a built file, null when there is none (the wasm files are sized, not read). */
export type SizeOfBuilt = (path: string) => Promise<number | null>;

const sum = (files: FileSize[]) => ({ raw: files.reduce((n, f) => n + f.raw, 0), gzip: files.reduce((n, f) => n + f.gzip, 0) });

/** Every chunk key reachable from `keys` through static imports. */
function staticClosure(manifest: Manifest, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${MANIFEST_PATH}: no chunk "${key}"`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return seen;
}

export async function bundleReport(read: ReadBuilt, sizeOf: SizeOfBuilt, budgetGzip = INITIAL_JS_BUDGET_GZIP, ceilingGzip = FIRST_CHART_JS_CEILING_GZIP): Promise<BundleReport> {
  const manifest = JSON.parse(Buffer.from(await read(MANIFEST_PATH)).toString('utf8')) as Manifest;
  const entries = Object.entries(manifest).filter(([, c]) => c.isEntry).map(([key]) => key);
  if (entries.length === 0) throw new Error(`${MANIFEST_PATH}: no entry chunk`);
  if (!manifest[LANDING_VIEW]) throw new Error(`${MANIFEST_PATH}: no chunk for the landing view ${LANDING_VIEW}`);
  const initialKeys = staticClosure(manifest, entries);
  const firstChartKeys = staticClosure(manifest, [...entries, LANDING_VIEW]);
  const size = async (file: string): Promise<FileSize> => {
    const bytes = await read(file);
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const bySize = (a: FileSize, b: FileSize) => b.gzip - a.gzip || a.file.localeCompare(b.file);
  const initialFiles = new Set([...initialKeys].map((k) => manifest[k]!.file));
  const landingFiles = new Set([...firstChartKeys].map((k) => manifest[k]!.file).filter((f) => !initialFiles.has(f)));
  const initialCssFiles = new Set([...initialKeys].flatMap((k) => manifest[k]!.css ?? []));
  const allJs = new Set(Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js')));
  const allCss = new Set(Object.values(manifest).flatMap((c) => [...(c.css ?? []), ...(c.file.endsWith('.css') ? [c.file] : [])]));
  const allAssets = new Set(Object.values(manifest).flatMap((c) => [...(c.assets ?? []), c.file]));
  const initialJs = (await Promise.all([...initialFiles].filter((f) => f.endsWith('.js')).map(size))).sort(bySize);
  const initialCss = (await Promise.all([...initialCssFiles].map(size))).sort(bySize);
  const landingJs = (await Promise.all([...landingFiles].filter((f) => f.endsWith('.js')).map(size))).sort(bySize);
  const lazyJs = (await Promise.all([...allJs].filter((f) => !initialFiles.has(f) && !landingFiles.has(f)).map(size))).sort(bySize);
  const lazyCss = (await Promise.all([...allCss].filter((f) => !initialCssFiles.has(f)).map(size))).sort(bySize);
  const wasm = await Promise.all([...allAssets].filter((f) => f.endsWith('.wasm')).sort().map(async (file) => ({
    file, raw: (await sizeOf(file)) ?? 0, gzip: await sizeOf(`${file}.gz`), brotli: await sizeOf(`${file}.br`),
  })));
  const totals = { initialJs: sum(initialJs), firstChartJs: sum([...initialJs, ...landingJs]), initialCss: sum(initialCss) };
  return {
    initialJs, landingJs, initialCss, lazyJs, lazyCss, wasm, totals,
    budgetGzip, withinBudget: totals.initialJs.gzip <= budgetGzip, ceilingGzip, withinCeiling: totals.firstChartJs.gzip <= ceilingGzip,
  };
}

/** KB = 1024 bytes throughout. */
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function formatBundleReport(report: BundleReport): string {
  const rows = (title: string, files: FileSize[]) => [
    `${title}`,
    ...files.map((f) => `  ${f.file.padEnd(56)} ${kb(f.raw).padStart(12)} ${kb(f.gzip).padStart(12)}`),
  ];
  const { initialJs, firstChartJs, initialCss } = report.totals;
  return [
    `${'file'.padEnd(58)} ${'raw'.padStart(12)} ${'gzip'.padStart(12)}`,
    ...rows('initial JS (entry + static imports: what index.html loads)', report.initialJs),
    ...rows('landing view JS (Trends + its static imports: ECharts), loaded before the live chart takes over', report.landingJs),
    ...rows('initial CSS', report.initialCss),
    ...rows('lazy JS (background or on demand)', report.lazyJs),
    ...rows('lazy CSS', report.lazyCss),
    'wasm (raw / precompressed .gz / .br)',
    ...report.wasm.map((f) => `  ${f.file.padEnd(56)} ${kb(f.raw).padStart(12)} ${(f.gzip === null ? '—' : kb(f.gzip)).padStart(12)} ${(f.brotli === null ? '—' : kb(f.brotli)).padStart(12)}`),
    `initial JS total: ${kb(initialJs.raw)} raw, ${kb(initialJs.gzip)} gzip (budget ${kb(report.budgetGzip)}: ${report.withinBudget ? 'met' : 'OVER'})`,
    `first-chart JS total (initial + landing view): ${kb(firstChartJs.raw)} raw, ${kb(firstChartJs.gzip)} gzip `
      + `(target ${kb(FIRST_CHART_JS_TARGET_GZIP)}: ${firstChartJs.gzip <= FIRST_CHART_JS_TARGET_GZIP ? 'met' : 'not met'}; ceiling ${kb(report.ceilingGzip)}: ${report.withinCeiling ? 'within' : 'OVER'})`,
    `initial CSS total: ${kb(initialCss.raw)} raw, ${kb(initialCss.gzip)} gzip`,
  ].join('\n');
}

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** `vite build` into a fresh temp dir; returns it. */
export function buildInto(outDir = mkdtempSync(join(tmpdir(), 'atlas-build-'))): string {
  const run = spawnSync(process.execPath, [join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: REPO, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' }, // never React's development build
  });
  if (run.status !== 0) throw new Error(`vite build failed (exit ${run.status ?? run.signal})`);
  return outDir;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { dist: { type: 'string' }, json: { type: 'string' } } });
  const dist = values.dist ? resolve(values.dist) : buildInto();
  try {
    const report = await bundleReport(async (path) => readFileSync(join(dist, path)), async (path) => (existsSync(join(dist, path)) ? statSync(join(dist, path)).size : null));
    console.log(formatBundleReport(report));
    if (values.json) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
    if (!report.withinBudget) console.error(`check:bundle: the initial JS is over its budget of ${kb(report.budgetGzip)} gzip`);
    if (!report.withinCeiling) console.error(`check:bundle: the first-chart JS is over its ceiling of ${kb(report.ceilingGzip)} gzip`);
    return report.withinBudget && report.withinCeiling ? 0 : 1;
  } finally {
    if (!values.dist) rmSync(dist, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main();
