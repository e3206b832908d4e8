/**
 * DuckDB in the browser, started once, with everything served from the page's own origin: the
 * wasm and worker files are bundled as assets (`?url`), the dataset is read from `<base>data/`
 * by a source chosen from its manifest (src/db/sources/: CSV, or Hive-partitioned Parquet).
 * Extensions are never installed or loaded (Parquet would need a download).
 *
 * Started by the page's one database handle (browser-database.ts), which views reach through a
 * React context; this module keeps no state of its own.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { plainRow, withSql, type Db, type SqlParam } from './db.ts';
import { dataBaseUrl } from './data-url.ts';
import type { AfterUserRowsChange } from './database.ts';
import { physicalTableName } from './observations-view.ts';
import { recomputeCoverage } from './pre-aggregates.ts';
import { prepareSource, type DataSource } from './sources/open-source.ts';
import { prepareUserTables } from './user-rows.ts';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

export interface StartOptions {
  /** Loads the researcher's stored datasets once the tables exist, before any view queries (the store lives above this layer). */
  loadStoredRows?: (db: Db) => Promise<void>;
}

export interface StartedDb {
  db: Db;
  source: DataSource;
  /** What follows a change of the user rows (browser-database.ts hands it to user-rows.ts). */
  afterUserRowsChange: AfterUserRowsChange | null;
}

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
  const db = wrap(connection);
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
  await prepareUserTables(db, { // the researcher's own rows, before any view queries
    register: async (name, text) => { await instance.registerFileText(name, text); return name; },
    // Transferred to DuckDB's worker (the caller's buffer is detached): no copy on the page.
    registerBytes: async (name, bytes) => { await instance.registerFileBuffer(name, bytes); return name; },
    drop: async (name) => { await instance.dropFile(name); },
    // The whole stream (schema, dictionaries, every batch) in one call; its buffer is transferred to DuckDB's worker.
    insertArrowStream: (table, stream) => connection.insertArrowFromIPCStream(stream, { name: table, create: true }),
  });
  startupStep('prepare-user-tables', preparing);
  const storedRows = performance.now();
  // A failure of the stored datasets never stops the shipped dashboard: the loader reports its own errors.
  if (options.loadStoredRows) await options.loadStoredRows(db).catch(() => undefined);
  startupStep('stored-rows', storedRows);
  // In the CSV layout the page computed the pre-aggregates, so they are recomputed when stored user
  // rows were added, and after every later change. A partitioned dataset ships its pre-aggregates;
  // there user rows reach the charts but not the coverage counts (docs/ARCHITECTURE.md).
  if (source.manifest.layout === 'hive-parquet') return { db, source, afterUserRowsChange: null };
  const [stored] = await db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM observations WHERE origin = 'user'");
  if ((stored?.n ?? 0) > 0) {
    const started = performance.now();
    await recomputeCoverage(db);
    performance.measure('atlas:coverage-recompute', { start: started }); // npm run bench:user-rows reads it
  }
  return { db, source, afterUserRowsChange: recomputeCoverage };
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
 * instead of three (prepare, run, close). Any `exec` (loading, user rows, a replaced pre-aggregate)
 * empties the cache, so a statement never outlives the tables it was planned against.
 */
function wrap(connection: duckdb.AsyncDuckDBConnection): Db {
  const statements = new Map<string, Promise<duckdb.AsyncPreparedStatement>>();
  const forget = (sql: string, statement: Promise<duckdb.AsyncPreparedStatement>) => {
    if (statements.get(sql) === statement) statements.delete(sql);
    void statement.then((s) => s.close()).catch(() => undefined);
  };
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
      const rows = table.toArray().map((row) => plainRow((row as { toJSON(): Record<string, unknown> }).toJSON()) as T);
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
      return withSql(sql, params, () => run<T>(sql, params, performance.now()));
    },
    async exec(sql: string): Promise<void> {
      for (const [kept, statement] of [...statements]) forget(kept, statement);
      await withSql(sql, [], () => connection.query(sql));
    },
  };
}
