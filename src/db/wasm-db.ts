/**
 * DuckDB in the browser, started once, with everything served from the page's own origin: the
 * wasm and worker files are bundled as assets (`?url`), the dataset is read from `<base>data/`
 * by a source chosen from its manifest (src/db/sources/: CSV, or Hive-partitioned Parquet).
 * Extensions are never installed or loaded (Parquet would need a download).
 *
 * Started by the page's one database handle (browser-database.ts), which views reach through a
 * React context; this module keeps no state of its own.
 *
 * Two connections: the views' and the user rows'. DuckDB-wasm runs both one statement at a time in
 * its one worker, but each has its own transactions, so a view's query sent while a stored dataset
 * loads reads the committed tables and never lands inside (or breaks) the load's transaction.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { arrowRows } from './arrow-rows.ts';
import { withSql, type Db, type SqlParam } from './db.ts';
import { dataBaseUrl } from './data-url.ts';
import type { AfterUserRowsChange } from './database.ts';
import { physicalTableName } from './observations-view.ts';
import { recomputeCoverage } from './pre-aggregates.ts';
import { createQueryActivity, type QueryActivity } from './query-activity.ts';
import { prepareSource, type DataSource } from './sources/open-source.ts';
import { prepareUserTables } from './user-rows.ts';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/** The researcher's stored datasets (the store lives above this layer: src/features/shared/user-data). */
export interface StoredRowsLoader {
  /** How many rows the store holds (read while DuckDB starts, so the page can say what it is loading). */
  count(): Promise<number>;
  /** Loads every stored dataset into DuckDB through this connection; reports its own errors, never throws. */
  load(db: Db): Promise<void>;
}

export interface StartOptions {
  storedRows?: StoredRowsLoader;
}

export interface StartedDb {
  /** The views' connection. */
  db: Db;
  /** The user rows' connection: their loads and changes run in transactions of their own, never mixed with a view's query. */
  userDb: Db;
  source: DataSource;
  /** What follows a change of the user rows (browser-database.ts hands it to user-rows.ts). */
  afterUserRowsChange: AfterUserRowsChange | null;
  /**
   * Loads the stored rows and recomputes what counts them, once the views' first queries are answered
   * (or at once when `now` resolves: the My-data view needs them). Never throws.
   */
  loadStoredRows(now: Promise<void>): Promise<void>;
}

/**
 * When the stored rows' load may start: the views' first queries answered and none sent for a moment
 * (they would wait behind the load: query-activity.ts), or after the longest wait, whatever the views do.
 */
const VIEWS_QUIET = { quietMs: 300, maxMs: 8_000 };

/** Starts DuckDB and fills it from the dataset's source; called once per database handle (browser-database.ts). */
export async function startWasmDb(options: StartOptions): Promise<StartedDb> {
  const dataset = prepareSource(dataBaseUrl()); // downloads while the wasm compiles
  const engine = performance.now();
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!); // classic worker, same origin
  const instance = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await instance.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await instance.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  startupStep('engine', engine);
  performance.mark('atlas:duckdb-ready'); // scripts/bench and browser-database.ts's stages read it
  const connection = await instance.connect();
  const userConnection = await instance.connect();
  const activity = createQueryActivity();
  const plans = new Set<() => void>();
  const db = wrap(connection, plans, activity);
  const userDb = wrap(userConnection, plans, null);
  await db.exec('SET autoinstall_known_extensions = false');
  await db.exec('SET autoload_known_extensions = false');
  const shipped = performance.now();
  const source = await dataset.open({
    db,
    registerFileText: (name, text) => instance.registerFileText(name, text),
    // By name through a staging table: the target has the user-row columns (below) the file lacks.
    insertArrow: async (name, table) => {
      const staging = `${name}_arrow_staging`;
      await connection.insertArrowTable(table, { name: staging, create: true });
      try {
        await db.exec(`INSERT INTO ${physicalTableName(name)} BY NAME SELECT * FROM ${staging}`); // observations: the shipped table under the view
      } finally {
        await db.exec(`DROP TABLE IF EXISTS ${staging}`);
      }
    },
  });
  startupStep('shipped-tables', shipped);
  const preparing = performance.now();
  await prepareUserTables(userDb, { // the user columns and the view, before any view queries
    register: async (name, text) => { await instance.registerFileText(name, text); return name; },
    // Transferred to DuckDB's worker (the caller's buffer is detached): no copy on the page.
    registerBytes: async (name, bytes) => { await instance.registerFileBuffer(name, bytes); return name; },
    drop: async (name) => { await instance.dropFile(name); },
    // One piece of the stored stream a call (user-rows.ts); its buffer is transferred to DuckDB's worker.
    insertArrowStream: (table, stream, create) => userConnection.insertArrowFromIPCStream(stream, { name: table, create }),
  });
  startupStep('prepare-user-tables', preparing);
  // In the CSV layout the page computed the pre-aggregates, so they are recomputed when stored user
  // rows were added, and after every later change. A partitioned dataset ships its pre-aggregates;
  // there user rows reach the charts but not the coverage counts (docs/ARCHITECTURE.md).
  const computesCoverage = source.manifest.layout !== 'hive-parquet';
  const loadStoredRows = async (now: Promise<void>): Promise<void> => {
    if (!options.storedRows) return;
    await Promise.race([activity.whenQuiet(VIEWS_QUIET), now]);
    const loading = performance.now();
    // A failure of the stored datasets never stops the shipped dashboard: the loader reports its own errors.
    await options.storedRows.load(userDb).catch(() => undefined);
    startupStep('stored-rows', loading);
    if (computesCoverage) {
      const [stored] = await userDb.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM observations WHERE origin = 'user'").catch(() => []);
      if ((stored?.n ?? 0) > 0) {
        const started = performance.now();
        await recomputeCoverage(userDb).catch(() => undefined); // without it Coverage counts the shipped rows only, as before the load
        performance.measure('atlas:coverage-recompute', { start: started }); // npm run bench:user-rows reads it
      }
    }
    for (const forget of plans) forget(); // the views' statements were planned before the rows' tables existed
    performance.mark('atlas:user-rows-queryable');
  };
  return { db, userDb, source, afterUserRowsChange: computesCoverage ? recomputeCoverage : null, loadStoredRows };
}

/** A start-up step's wall time as a measure `atlas:startup-step` (detail: its name): npm run bench:user-rows sums them. */
function startupStep(name: string, started: number): void {
  performance.measure('atlas:startup-step', { start: started, detail: name });
}

/**
 * Each query's wall time in the page (prepare, run, rows to JS) as a performance measure `atlas:query`:
 * `npm run bench` sums them per interaction to say where an interaction's time goes.
 */
function measureQuery(sql: string, started: number, rows: number): void {
  const firstWords = sql.replace(/\s+/g, ' ').trim().slice(0, 80);
  performance.measure('atlas:query', { start: started, detail: { sql: firstWords, rows } });
}

/** Distinct statements the app prepares are few (the typed queries); past this many, the oldest is closed. */
const STATEMENT_CACHE_SIZE = 64;

/**
 * Prepared statements are kept by their SQL: a query then costs one round trip to DuckDB's worker
 * instead of three (prepare, run, close). Any `exec` on any connection (loading, user rows, a replaced
 * pre-aggregate) empties every connection's cache (`plans`: each wrapped connection adds its own
 * emptying), so a statement never outlives the tables it was planned against. `activity` counts the
 * queries in flight (the views' connection: query-activity.ts).
 */
function wrap(connection: duckdb.AsyncDuckDBConnection, plans: Set<() => void>, activity: QueryActivity | null): Db {
  const statements = new Map<string, Promise<duckdb.AsyncPreparedStatement>>();
  const forget = (sql: string, statement: Promise<duckdb.AsyncPreparedStatement>) => {
    if (statements.get(sql) === statement) statements.delete(sql);
    void statement.then((s) => s.close()).catch(() => undefined);
  };
  plans.add(() => { for (const [kept, statement] of [...statements]) forget(kept, statement); });
  const prepared = (sql: string): { statement: Promise<duckdb.AsyncPreparedStatement>; cached: boolean } => {
    const kept = statements.get(sql);
    if (kept) {
      statements.delete(sql); // re-inserted: the map's order is the order of last use
      statements.set(sql, kept);
      return { statement: kept, cached: true };
    }
    const statement = connection.prepare(sql);
    statements.set(sql, statement);
    statement.catch(() => { if (statements.get(sql) === statement) statements.delete(sql); });
    const oldest = statements.keys().next().value;
    if (statements.size > STATEMENT_CACHE_SIZE && oldest !== undefined) forget(oldest, statements.get(oldest)!);
    return { statement, cached: false };
  };
  const run = async <T>(sql: string, params: readonly SqlParam[], started: number): Promise<T[]> => {
    const { statement, cached } = prepared(sql);
    try {
      const table = await (await statement).query(...params);
      const rows = arrowRows<T>(table); // column by column: arrow-rows.ts
      measureQuery(sql, started, rows.length);
      return rows;
    } catch (error) {
      forget(sql, statement);
      if (cached) return run(sql, params, started); // planned against tables since changed: once more, freshly prepared
      throw error;
    }
  };
  return {
    query<T>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      const answer = () => withSql(sql, params, () => run<T>(sql, params, performance.now()));
      return activity ? activity.track(answer) : answer();
    },
    async exec(sql: string): Promise<void> {
      for (const forgetAll of plans) forgetAll();
      await withSql(sql, [], () => connection.query(sql));
    },
  };
}
