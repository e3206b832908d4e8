/**
 * DuckDB in the browser, started once (`getDb()`), with everything served from the page's own
 * origin: the wasm and worker files are bundled as assets (`?url`), the dataset is fetched from
 * `<base>data/*.csv`. Extensions are never installed or loaded (Parquet would need a download).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { plainRow, withSql, type Db, type SqlParam } from './db.ts';
import { TABLES, createTables, type TableSpec } from './schema.ts';
import { prepareUserTables } from './user-rows.ts';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

import { dataBaseUrl } from './data-url.ts';

export { dataBaseUrl };

let started: Promise<Db> | null = null;

/** The one DuckDB of the page. Every caller awaits the same start-up. */
export function getDb(): Promise<Db> {
  started ??= start().catch((error: unknown) => {
    started = null; // a later call may retry (e.g. after the network came back)
    throw error;
  });
  return started;
}

async function start(): Promise<Db> {
  const dataset = fetchDataset(dataBaseUrl()); // downloads while the wasm compiles
  dataset.catch(() => undefined); // awaited below; avoids an unhandled rejection if start-up fails first
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!); // classic worker, same origin
  const instance = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await instance.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await instance.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const connection = await instance.connect();
  const db = wrap(connection);
  await db.exec('SET autoinstall_known_extensions = false');
  await db.exec('SET autoload_known_extensions = false');
  const files = await dataset;
  for (const [name, text] of files) await instance.registerFileText(name, text);
  await createTables((sql) => db.exec(sql), (table) => (files.has(table.file) ? table.file : null));
  await prepareUserTables(db, { // the researcher's own rows (issue 5), before any view queries
    register: async (name, text) => { await instance.registerFileText(name, text); return name; },
    drop: async (name) => { await instance.dropFile(name); },
  });
  return db;
}

async function fetchDataset(base: string): Promise<Map<string, string>> {
  const entries = await Promise.all(TABLES.map(async (table: TableSpec) => {
    const url = `${base}${table.file}`;
    const response = await fetch(url);
    // A dev server answers a missing file with the SPA's index.html: that is not a CSV either.
    if (!response.ok || (response.headers.get('content-type') ?? '').includes('text/html')) {
      if (!table.required) return null;
      throw new Error(`Could not load ${url}: ${response.ok ? 'not a CSV file' : `HTTP ${response.status}`}`);
    }
    return [table.file, await response.text()] as const;
  }));
  return new Map(entries.filter((entry) => entry !== null));
}

function wrap(connection: duckdb.AsyncDuckDBConnection): Db {
  return {
    query<T>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      return withSql(sql, params, async () => {
        const statement = await connection.prepare(sql);
        try {
          const table = await statement.query(...params);
          return table.toArray().map((row) => plainRow((row as { toJSON(): Record<string, unknown> }).toJSON()) as T);
        } finally {
          await statement.close();
        }
      });
    },
    async exec(sql: string): Promise<void> {
      await withSql(sql, [], () => connection.query(sql));
    },
  };
}
