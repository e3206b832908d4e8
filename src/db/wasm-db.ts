/**
 * DuckDB in the browser, started once, with everything served from the page's own origin: the
 * wasm and worker files are bundled as assets (`?url`), the dataset is read from `<base>data/`
 * by a source chosen from its manifest (src/db/sources/: CSV, or Hive-partitioned Parquet).
 * Extensions are never installed or loaded (Parquet would need a download).
 *
 * `getDbFor(scope, view)` is the door for views: it waits until the scope's partitions are loaded
 * (a no-op for CSV). `getDb()` is the whole dataset (every partition), `getLoadedDb()` whatever is
 * loaded now (for a detail of something a view already shows).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { plainRow, withSql, type Db, type SqlParam } from './db.ts';
import { ALL, prepareSource, type DataSource, type Scope } from './sources/open-source.ts';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/** Where the dataset is served from: `VITE_DATA_URL` (e.g. the test fixture in dev), else `<base>data/`. */
export const dataBaseUrl = (): string => import.meta.env.VITE_DATA_URL || `${import.meta.env.BASE_URL}data/`;

let started: Promise<{ db: Db; source: DataSource }> | null = null;

function startOnce(): Promise<{ db: Db; source: DataSource }> {
  started ??= start().catch((error: unknown) => {
    started = null; // a later call may retry (e.g. after the network came back)
    throw error;
  });
  return started;
}

/** The database with the scope's rows loaded; `view` names who asked (reported with the bytes fetched). */
export async function getDbFor(scope: Scope, view: string): Promise<Db> {
  const { db, source } = await startOnce();
  await source.ensure(scope, view);
  return db;
}

/** The one DuckDB of the page with the whole dataset loaded (every partition of a partitioned one). */
export function getDb(): Promise<Db> {
  return getDbFor(ALL, 'all');
}

/** The database as loaded now, without fetching anything more. */
export async function getLoadedDb(): Promise<Db> {
  return (await startOnce()).db;
}

/** The dataset's source (its manifest says whether it is synthetic). */
export async function getSource(): Promise<DataSource> {
  return (await startOnce()).source;
}

async function start(): Promise<{ db: Db; source: DataSource }> {
  const dataset = prepareSource(dataBaseUrl()); // downloads while the wasm compiles
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!); // classic worker, same origin
  const instance = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await instance.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await instance.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const connection = await instance.connect();
  const db = wrap(connection);
  await db.exec('SET autoinstall_known_extensions = false');
  await db.exec('SET autoload_known_extensions = false');
  const source = await dataset.open({
    db,
    registerFileText: (name, text) => instance.registerFileText(name, text),
    insertArrow: (name, table) => connection.insertArrowTable(table, { name, create: false }),
  });
  return { db, source };
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
