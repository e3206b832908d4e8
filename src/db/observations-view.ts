/**
 * `observations` is a VIEW: the shipped rows (table `shipped_observations`, what the dataset's
 * source loads) UNION ALL BY NAME each stored user dataset's own table, so every query reads shipped
 * and user rows alike while a user dataset is never copied.
 *
 * Why a view and not one table (measured, docs/BENCHMARKS.md "Stored rows as their own tables"): a
 * stored dataset used to be loaded into a staging table and copied into `observations` in a
 * transaction; in duckdb-wasm (single-threaded) the `INSERT … SELECT` and its `COMMIT` were most of
 * the load (100k rows: 1.4 s + 4.4 s of 11.8 s under load 18), twice the rows' bytes in memory on the
 * way. The Arrow insert's own table is already what a query needs; the view adds the columns that
 * are the same for every row of a dataset (origin, dataset_id) or follow from its reports
 * (publisher_kind) as expressions, and the row id from the row's ordinal.
 *
 * A user dataset's table is named by us (`user_rows_<n>`, never user text) and recorded in
 * `user_datasets.rows_table`; the view is rebuilt from that table whenever a dataset is added or
 * removed, inside the change's transaction (DuckDB's DDL is transactional, so a failed change leaves
 * the previous view and tables as they were).
 */
import type { Db } from './db.ts';

/** The shipped rows' table: loaders create, alter and append to it under this name. */
export const SHIPPED_OBSERVATIONS = 'shipped_observations';

/** The table a loader writes when it means `observations` (every other table is its own name). */
export const physicalTableName = (name: string): string => (name === 'observations' ? SHIPPED_OBSERVATIONS : name);

/** The view over the shipped rows alone: what exists before the user tables are prepared (user-rows.ts). */
export const SHIPPED_ONLY_VIEW_SQL = `CREATE OR REPLACE VIEW observations AS SELECT * FROM ${SHIPPED_OBSERVATIONS}`;

/** A SQL string literal of text we did not choose (a dataset id): quotes doubled, nothing else is special in DuckDB's standard strings. */
const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** A user dataset's table name must be one we made; anything else is refused before it reaches SQL. */
const SAFE_TABLE = /^user_rows_\d+$/;

interface ViewColumn { column_name: string; data_type: string; column_default: string | null }

async function columnsOf(db: Db, table: string): Promise<ViewColumn[]> {
  return db.query<ViewColumn>(
    'SELECT column_name, data_type, column_default FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position', [table]);
}

/** The view's columns that are expressions for a user row, not stored columns of its table. */
const COMPUTED = new Set(['obs_id', 'publisher_kind', 'origin', 'dataset_id']);

/**
 * One dataset's rows with every stored column the view takes, in the shipped table's order, and its id:
 * a column the dataset's table lacks (a blob stored before that column existed) takes the shipped
 * table's default for it, typed like the shipped column.
 */
function datasetRows(datasetId: string, table: string, shipped: readonly ViewColumn[], stored: ReadonlySet<string>): string {
  const select = shipped.filter(({ column_name: name }) => !COMPUTED.has(name)).map(({ column_name: name, data_type: type, column_default: fallback }) =>
    `${stored.has(name) ? `"${name}"` : `CAST(${fallback ?? 'NULL'} AS ${type})`} AS "${name}"`);
  return `SELECT ${select.join(', ')}, ordinal, ${literal(datasetId)} AS dataset_id FROM ${table}`;
}

/**
 * Every dataset's rows as observations: their tables' rows (UNION ALL, one column list), then the row id,
 * origin and publisher kind as expressions, the publisher kind from ONE join on the user reports for all
 * datasets. A join per dataset made every query over the view bind and run one aggregate of `reports`
 * per dataset: with 101 datasets a count of the user rows took 2.2 s instead of 0.2 s in duckdb-wasm's Node
 * build under load 13 (docs/BENCHMARKS.md "Many small stored datasets").
 */
function userSelect(datasets: ReadonlyArray<{ dataset_id: string; rows_table: string }>, shipped: readonly ViewColumn[], storedColumns: ReadonlyMap<string, ReadonlySet<string>>): string {
  const rows = datasets.map(({ dataset_id: id, rows_table: table }) => datasetRows(id, table, shipped, storedColumns.get(table) ?? new Set())).join('\n  UNION ALL ');
  const computed: Readonly<Record<string, string>> = {
    obs_id: "c.dataset_id || '#' || c.ordinal::VARCHAR", publisher_kind: "coalesce(r.publisher_kind, 'other')", origin: "'user'", dataset_id: 'c.dataset_id',
  };
  const select = shipped.map(({ column_name: name }) => `${computed[name] ?? `c."${name}"`} AS "${name}"`);
  return `SELECT ${select.join(', ')} FROM (\n  ${rows}) c
    LEFT JOIN (SELECT dataset_id, report_id, any_value(publisher_kind) AS publisher_kind FROM reports WHERE origin = 'user' GROUP BY dataset_id, report_id) r
      ON r.dataset_id = c.dataset_id AND r.report_id = c.report_id`;
}

/**
 * Rebuilds `observations` over the shipped table and every dataset recorded in `user_datasets`. The
 * datasets' columns are read in one query, not one per table: 101 stored datasets once cost 5,353
 * queries (a rebuild per dataset, k + 2 queries for the k-th), each a round trip to duckdb-wasm's
 * worker; now 3 a rebuild, and start-up rebuilds once for all the datasets it loads (stored-datasets.ts).
 */
export async function rebuildObservationsView(db: Db): Promise<void> {
  const shipped = await columnsOf(db, SHIPPED_OBSERVATIONS);
  const datasets = await db.query<{ dataset_id: string; rows_table: string }>(
    'SELECT dataset_id, rows_table FROM user_datasets WHERE rows_table IS NOT NULL ORDER BY rows_table');
  const storedColumns = new Map<string, Set<string>>();
  if (datasets.length > 0) {
    const rows = await db.query<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
       WHERE c.table_name IN (SELECT rows_table FROM user_datasets WHERE rows_table IS NOT NULL)`);
    for (const { table_name: table, column_name: column } of rows) {
      const columns = storedColumns.get(table) ?? new Set<string>();
      columns.add(column);
      storedColumns.set(table, columns);
    }
  }
  for (const { dataset_id: id, rows_table: table } of datasets) {
    if (!SAFE_TABLE.test(table)) throw new Error(`user_datasets: ${id} names a rows table we did not make`);
  }
  const parts = [`SELECT * FROM ${SHIPPED_OBSERVATIONS}`];
  if (datasets.length > 0) parts.push(userSelect(datasets, shipped, storedColumns));
  await db.exec(`CREATE OR REPLACE VIEW observations AS ${parts.join('\nUNION ALL BY NAME\n')}`);
}
