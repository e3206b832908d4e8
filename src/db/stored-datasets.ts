/**
 * Loads stored datasets (src/core/user-data/stored-rows.ts) into DuckDB, many at once: start-up has
 * one per import, and a researcher who imported reports one by one has a hundred small ones.
 *
 * Two phases. First each dataset's blob becomes its own table (`user_rows_<n>`, no view reads it yet)
 * and every table's row count is checked against its metadata in one query: a blob that cannot be
 * read or holds another number of rows is named (StoredRowsError) and its table dropped, alone. Then
 * ONE transaction adds every good dataset's reports, `user_datasets` entries and missing places and
 * rebuilds `observations` once over all of them. Loading 101 datasets one transaction and view
 * rebuild each took 32–41 s (docs/BENCHMARKS.md "Many small stored datasets"): each rebuild binds a
 * view over every table so far, and each step is a round trip to duckdb-wasm's worker.
 *
 * Should that transaction fail (something in one dataset the first phase cannot see, such as a report
 * DuckDB refuses), it is rolled back and each dataset is added in a transaction of its own, so the
 * failure costs that dataset alone and the others still load.
 */
import { streamPieces } from '../core/user-data/stored-rows-pieces.ts';
import { ARROW_ROWS_FORMAT, CSV_ROWS_FORMAT, StoredRowsError, type StoredDatasetMeta } from '../core/user-data/stored-rows.ts';
import type { AfterUserRowsChange } from './database.ts';
import type { Db } from './db.ts';
import { rebuildObservationsView } from './observations-view.ts';
import {
  createRowsTableSql, deleteLoaded, filesFor, inTransaction, insertMissingRegions, insertReportsAndDatasets, newRowsTable, step, typeOf,
  type DatasetEntry, type DivisionByCode, type TextFiles,
} from './user-tables.ts';

/** A stored dataset to load: its metadata and its blob, already read and checked against its size and sha256. */
export interface StoredDatasetBlob {
  meta: StoredDatasetMeta;
  rows: Uint8Array;
}

/** A dataset that was not loaded, and why (a StoredRowsError names the blob's problem). */
export interface StoredDatasetFailure {
  id: string;
  error: unknown;
}

/**
 * Loads the datasets: each one's reports as rows and its blob with ONE insert (never a loop over rows
 * in JavaScript; `observations` reads the table through the view). Returns the datasets that could not
 * be loaded, each with its reason; nothing of those is left in DuckDB, and they never cost the others.
 * `divisions` is asked for only when the rows name a place `regions` lacks.
 */
export async function insertStoredDatasets(
  db: Db, datasets: readonly StoredDatasetBlob[], divisions: () => Promise<DivisionByCode>, afterChange: AfterUserRowsChange | null = null,
): Promise<StoredDatasetFailure[]> {
  const files = filesFor(db);
  if (!files) throw new Error('insertStoredDatasets: no file registration for this database');
  const failures: StoredDatasetFailure[] = [];
  const staged: DatasetEntry[] = [];
  for (const { meta, rows } of datasets) {
    try {
      staged.push({ ...meta, rowsTable: await step('stage', () => stageStoredRows(db, files, meta, rows)) });
    } catch (error) {
      failures.push({ id: meta.id, error });
    }
  }
  const counted = await step('count', () => checkCounts(db, staged, datasets)).catch(async (error: unknown) => {
    await dropTables(db, staged); // not one of them can be trusted without its count
    return { good: [], failures: staged.map((d) => ({ id: d.id, error })) };
  });
  failures.push(...counted.failures);
  if (counted.good.length === 0) return failures;
  try {
    await addInOneTransaction(db, counted.good, divisions, afterChange);
  } catch (error) {
    if (counted.good.length === 1) {
      await dropTables(db, counted.good);
      return [...failures, { id: counted.good[0]!.id, error }];
    }
    // One of them cannot be added: each on its own, so it alone fails.
    for (const dataset of counted.good) {
      try {
        await addInOneTransaction(db, [dataset], divisions, afterChange);
      } catch (alone) {
        await dropTables(db, [dataset]);
        failures.push({ id: dataset.id, error: alone });
      }
    }
  }
  return failures;
}

/** One dataset, its failure thrown (a save, a test): what insertStoredDatasets does for one. */
export async function insertStoredDataset(
  db: Db, meta: StoredDatasetMeta, rows: Uint8Array, divisions: () => Promise<DivisionByCode>, afterChange: AfterUserRowsChange | null = null,
): Promise<void> {
  const [failure] = await insertStoredDatasets(db, [{ meta, rows }], divisions, afterChange);
  if (failure) throw failure.error;
}

async function addInOneTransaction(db: Db, datasets: readonly DatasetEntry[], divisions: () => Promise<DivisionByCode>, afterChange: AfterUserRowsChange | null): Promise<void> {
  await inTransaction(db, afterChange, async () => {
    await step('delete-earlier', () => deleteLoaded(db, datasets.map((d) => d.id)));
    await step('reports', () => insertReportsAndDatasets(db, datasets));
    await step('view', () => rebuildObservationsView(db));
    await step('missing-regions', () => insertMissingRegions(db, datasets, divisions));
  });
}

const dropTables = (db: Db, datasets: ReadonlyArray<Pick<DatasetEntry, 'rowsTable'>>): Promise<void> =>
  step('drop-table', async () => { for (const { rowsTable } of datasets) await db.exec(`DROP TABLE IF EXISTS ${rowsTable}`); }).catch(() => undefined);

/** Every staged table's rows counted in one query; a table holding another number than its metadata records is dropped and named. */
async function checkCounts(db: Db, staged: readonly DatasetEntry[], datasets: readonly StoredDatasetBlob[]): Promise<{ good: DatasetEntry[]; failures: StoredDatasetFailure[] }> {
  if (staged.length === 0) return { good: [], failures: [] };
  const expected = new Map(datasets.map(({ meta }) => [meta.id, meta.rows.rowCount]));
  // Table names are ours (newRowsTable), never user text.
  const counts = new Map((await db.query<{ rows_table: string; n: number }>(
    staged.map((d) => `SELECT '${d.rowsTable}' AS rows_table, count(*)::INTEGER AS n FROM ${d.rowsTable}`).join(' UNION ALL '),
  )).map((r) => [r.rows_table, r.n]));
  const good: DatasetEntry[] = [];
  const failures: StoredDatasetFailure[] = [];
  for (const dataset of staged) {
    const read = counts.get(dataset.rowsTable) ?? 0;
    const want = expected.get(dataset.id) ?? 0;
    if (read === want) { good.push(dataset); continue; }
    await dropTables(db, [dataset]);
    failures.push({ id: dataset.id, error: new StoredRowsError(`${dataset.id}: ${read} rows read from the stored file, ${want} expected`, { kind: 'rows-count', read, expected: want }) });
  }
  return { good, failures };
}

/**
 * Rows per Arrow insert at least (so a million rows go in 10 pieces): each insert has a cost of its own.
 * Measured in duckdb-wasm's Node build, 1,000,000 rows under load 9–10: one insert 6.0 s (after a first
 * 15.9 s that grew the heap), 10 pieces 7.6 s with the longest 0.8 s, 40 pieces (one per 25,000-row
 * batch) 14.7–16.3 s with the longest 2.4–2.9 s.
 */
const ROWS_PER_PIECE = 100_000;

/**
 * The dataset's own table (named by us), filled from its blob: an Arrow stream by one Arrow insert per
 * piece of a few record batches (stored-rows-pieces.ts: a view's query sent meanwhile waits for one
 * piece, not the whole dataset), a CSV blob by one read_csv. Created outside the change's transaction
 * (each Arrow insert commits by itself); no view reads the table until the change's transaction
 * rebuilds `observations` over it, so a half-filled table is never seen. Dropped here if it cannot be
 * filled; the caller drops it if the change fails.
 */
async function stageStoredRows(db: Db, files: TextFiles, meta: StoredDatasetMeta, rows: Uint8Array): Promise<string> {
  const table = newRowsTable();
  if (meta.rows.format === ARROW_ROWS_FORMAT) {
    try {
      // An empty dataset has no batches to create the table from.
      if (meta.rows.rowCount > 0) {
        let create = true;
        for (const piece of streamPieces(rows, Math.ceil(meta.rows.rowCount / ROWS_PER_PIECE))) {
          await files.insertArrowStream(table, piece, create);
          create = false;
        }
      } else await db.exec(createRowsTableSql(table));
    } catch (error) {
      await db.exec(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
      const detail = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      throw new StoredRowsError(`${meta.id}: the stored rows could not be read (${detail})`, { kind: 'rows-unreadable', detail });
    }
    return table;
  }
  if (meta.rows.format === CSV_ROWS_FORMAT) {
    const name = `user-rows-${table}-stored.csv`;
    const path = await files.registerBytes(name, rows);
    const types = meta.rows.columns.map((c) => `'${c}': '${typeOf(c)}'`).join(', ');
    try {
      // The path is quoted as a literal: table functions take no bound parameters.
      await db.exec(`CREATE TABLE ${table} AS SELECT * FROM read_csv('${path.replace(/'/g, "''")}', header = true, delim = ',', quote = '"', escape = '"',
        encoding = 'utf-8', allow_quoted_nulls = false, max_line_size = 67108864, columns = {${types}})`);
    } catch (error) {
      await db.exec(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
      throw error;
    } finally {
      await files.drop(name);
    }
    return table;
  }
  throw new StoredRowsError(`${meta.id}: stored rows in an unknown format ${String(meta.rows.format)}`, { kind: 'rows-format', format: String(meta.rows.format) });
}
