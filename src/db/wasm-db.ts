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
import { dataBaseUrl } from './data-url.ts';
import { CREATE_COVERAGE_SQL } from './pre-aggregates.ts';
import { ALL, prepareSource, type DataSource, type Scope } from './sources/open-source.ts';
import { onUserRowsChanged, prepareUserTables } from './user-rows.ts';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

export { dataBaseUrl };

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
  performance.mark('atlas:duckdb-ready'); // scripts/bench and lazy-db.ts's progress read it
  const connection = await instance.connect();
  const db = wrap(connection);
  await db.exec('SET autoinstall_known_extensions = false');
  await db.exec('SET autoload_known_extensions = false');
  const source = await dataset.open({
    db,
    registerFileText: (name, text) => instance.registerFileText(name, text),
    // By name through a staging table: the target has the user-row columns (below) the file lacks.
    insertArrow: async (name, table) => {
      const staging = `${name}_arrow_staging`;
      await connection.insertArrowTable(table, { name: staging, create: true });
      try {
        await db.exec(`INSERT INTO ${name} BY NAME SELECT * FROM ${staging}`);
      } finally {
        await db.exec(`DROP TABLE IF EXISTS ${staging}`);
      }
    },
  });
  await prepareUserTables(db, { // the researcher's own rows (issue 5), before any view queries
    register: async (name, text) => { await instance.registerFileText(name, text); return name; },
    drop: async (name) => { await instance.dropFile(name); },
  });
  // Everything is loaded in the CSV layout, so the pre-aggregates (already computed by the source) are
  // recomputed when stored user rows were added, and after every later change. A partitioned dataset
  // ships its pre-aggregates; there user rows reach the charts but not the coverage counts
  // (docs/ARCHITECTURE.md).
  if (source.manifest.layout !== 'hive-parquet') {
    const [stored] = await db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM observations WHERE origin = 'user'");
    if ((stored?.n ?? 0) > 0) await db.exec(CREATE_COVERAGE_SQL);
    onUserRowsChanged(() => db.exec(CREATE_COVERAGE_SQL));
  }
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
