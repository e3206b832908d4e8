/**
 * Prerenders the landing page into index.html at build time (issue 12, "first chart before any
 * JavaScript runs"): src/app/prerender.tsx renders the shell and the Trends view from the pipeline's
 * snapshot (`public/data/snapshot.json`, so a rebuilt snapshot means a rebuilt page, and the chart
 * follows DEFAULT_INDICATOR, which the snapshot was made for), with the chart drawn as static SVG.
 * The page also gets:
 * - the Trends view's own CSS as a stylesheet link (it is otherwise loaded with the view's chunk), so
 *   the prerendered HTML is laid out as the live view will be;
 * - the CSS that picks the static drawing for the chart box's width;
 * - first-paint-guard.js and its rule, which hide the prerender for any other URL before it paints.
 * And it writes each view's defaults (`data/views/<view>.json`, src/app/capture-view-defaults.tsx): the
 * answers to the queries of Compare, Profile, Coverage and Data in their default state, run by DuckDB
 * in Node on the shipped tables (`public/data`), so those views show their default content before
 * DuckDB is ready in the page (src/app/view-defaults.ts).
 *
 * Build only. The module is loaded through a throwaway Vite dev server in SSR mode (TSX and CSS
 * imports handled as in the app). No snapshot, or `VITE_DATA_URL` pointing elsewhere: no prerender,
 * said in the build log; the page then works as before (the chart waits for the JavaScript).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Plugin, type ResolvedConfig, type Rolldown, type ViteDevServer } from 'vite';
import type { Database } from '../../src/db/database.ts';
import { VIEWS_WITH_DEFAULTS, viewDefaultsFile } from '../../src/app/view-defaults.ts';
import type { NodeDb } from '../lib/node-db.ts';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;
import { SNAPSHOT_FILE } from '../../src/core/snapshot.ts';
import { PRERENDER_FINGERPRINT } from '../../src/charts/first-paint.ts';
import type { Prerendered } from '../../src/app/prerender.tsx';

const PRERENDER_MODULE = '/src/app/prerender.tsx';
const CAPTURE_MODULE = '/src/app/capture-view-defaults.tsx';
const LANDING_VIEW = 'src/features/trends/TrendsView.tsx';
const ROOT = '<div id="root"></div>';

/** A throwaway Vite dev server in SSR mode: loads the app's TSX modules (and ignores their CSS) in Node. */
const ssrServer = (config: ResolvedConfig): Promise<ViteDevServer> => createServer({
  root: config.root, configFile: join(config.root, 'vite.config.ts'), logLevel: 'error', appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false }, optimizeDeps: { noDiscovery: true, include: [] },
});

async function prerender(config: ResolvedConfig, snapshot: unknown): Promise<Prerendered | null> {
  const server = await ssrServer(config);
  try {
    const module = (await server.ssrLoadModule(PRERENDER_MODULE)) as typeof import('../../src/app/prerender.tsx');
    return await module.prerenderLanding(snapshot);
  } finally {
    await server.close();
  }
}

/** A Database over DuckDB in Node with the dataset's tables: every scope is the whole (small) dataset. */
/** One object, as React's external-store hooks need a stable snapshot. */
const NO_STORED_ROWS = { stage: 'in', rows: 0 } as const;

function nodeDatabase(db: NodeDb): Database {
  const unavailable = () => Promise.reject(new Error('not available while capturing view defaults'));
  return {
    forScope: async () => db, forPlaces: async () => db, forTiles: async () => null, forStandings: async () => null, forObservation: async () => db, whole: async () => db, loaded: async () => db,
    source: unavailable, userRows: unavailable, stage: () => 'ready', onStage: () => () => undefined,
    storedRows: () => NO_STORED_ROWS, onStoredRows: () => () => undefined, // no user rows at build time
  };
}

/** Each view's defaults file, as [file name in the build, JSON]. */
async function captureViews(config: ResolvedConfig, dataDir: string): Promise<Array<[string, string]>> {
  const server = await ssrServer(config);
  // Imported here, not at the top: vite.config.ts (dev server, vitest) then never loads DuckDB's native module.
  const { openNodeDb } = await import('../lib/node-db.ts');
  const db = await openNodeDb(dataDir);
  try {
    const module = (await server.ssrLoadModule(CAPTURE_MODULE)) as typeof import('../../src/app/capture-view-defaults.tsx');
    const database = nodeDatabase(db);
    const files: Array<[string, string]> = [];
    for (const view of VIEWS_WITH_DEFAULTS) {
      const defaults = await module.captureViewDefaults(view, database);
      files.push([`data/${viewDefaultsFile(view)}`, `${JSON.stringify(defaults)}\n`]);
    }
    return files;
  } finally {
    db.close();
    await server.close();
  }
}

/** The CSS files of the landing view's chunk and its static imports that index.html does not link yet. */
function landingStylesheets(bundle: OutputBundle, html: string): string[] {
  const chunks = new Map(Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const landing = [...chunks.values()].find((chunk) => chunk.facadeModuleId?.endsWith(LANDING_VIEW));
  if (!landing) throw new Error(`prerender: no chunk for ${LANDING_VIEW}`);
  const css = new Set<string>();
  const seen = new Set<string>();
  const visit = (chunk: OutputChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const file of chunk.viteMetadata?.importedCss ?? []) css.add(file);
    for (const imported of chunk.imports) { const next = chunks.get(imported); if (next) visit(next); }
  };
  visit(landing);
  return [...css].filter((file) => !html.includes(file));
}

export function prerenderPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'fazhi-atlas:prerender',
    apply: 'build',
    configResolved(resolved) { config = resolved; },
    async generateBundle() {
      const dataDir = join(config.publicDir, 'data');
      if (process.env.VITE_DATA_URL || !existsSync(join(dataDir, SNAPSHOT_FILE))) {
        config.logger.warn('prerender: no view defaults (no shipped dataset, or VITE_DATA_URL is set); the views wait for DuckDB');
        return;
      }
      for (const [fileName, source] of await captureViews(config, dataDir)) this.emitFile({ type: 'asset', fileName, source });
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, context) {
        const snapshotPath = join(config.publicDir, 'data', SNAPSHOT_FILE);
        if (process.env.VITE_DATA_URL || !existsSync(snapshotPath)) {
          config.logger.warn(`prerender: skipped (${process.env.VITE_DATA_URL ? 'VITE_DATA_URL is set' : `no ${snapshotPath}`}); the first chart waits for the JavaScript`);
          return html;
        }
        if (!html.includes(ROOT)) throw new Error(`prerender: index.html has no ${ROOT}`);
        const result = await prerender(config, JSON.parse(readFileSync(snapshotPath, 'utf8')) as unknown);
        if (!result) {
          config.logger.warn(`prerender: skipped (${snapshotPath} is not a snapshot this code can use)`);
          return html;
        }
        const landingCss = landingStylesheets(context.bundle ?? {}, html);
        const base = config.base;
        // A disabled fieldset: the prerendered controls look and are unavailable until the app replaces
        // them (main.tsx's createRoot clears #root), so a choice made before the scripts run is not
        // silently thrown away when the live page takes over.
        const page = `<div id="root"><fieldset disabled ${PRERENDER_FINGERPRINT}="${result.fingerprint}">${result.html}</fieldset></div>`;
        return {
          html: html.replace(ROOT, page),
          tags: [
            { tag: 'script', attrs: { src: `${base}first-paint-guard.js` }, injectTo: 'head' },
            // display: contents: the wrapper (a fieldset, so no border, padding or min-width either) adds no
            // box, so the prerendered page is laid out as React's will be.
            { tag: 'style', children: `[${PRERENDER_FINGERPRINT}] { display: contents; }\nhtml[data-prerender="off"] [${PRERENDER_FINGERPRINT}] { display: none; }\n${result.css}`, injectTo: 'head' },
            ...landingCss.map((file) => ({ tag: 'link', attrs: { rel: 'stylesheet', href: `${base}${file}` }, injectTo: 'head' as const })),
          ],
        };
      },
    },
  };
}
