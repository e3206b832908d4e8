/**
 * A researcher's own rows (我的数据) beside the shipped ones, marked by `origin = 'user'` and their
 * `dataset_id`, so every query sees both and the pick rule can prefer the shipped figure (pick.ts):
 * reports and places in the shipped tables, each dataset's observations in a table of its own read
 * through the `observations` view (observations-view.ts). Shipped rows are never updated or deleted
 * here: a user dataset is added and removed as a unit, by its id.
 *
 * Start-up: `prepareUserTables(db)` runs once after the shipped tables load, whatever loaded them
 * (it only adds columns with defaults); the start-up then loads the stored datasets (wasm-db.ts).
 * A change takes what must follow it (`afterChange`, from the database handle) explicitly.
 */
import type { DivisionRow } from '../core/regions/region-lookup.ts';
import { pageStartsCell } from '../core/report/page-starts.ts';
import { arrowRowsStream } from '../core/user-data/stored-rows-arrow.ts';
import { streamPieces } from '../core/user-data/stored-rows-pieces.ts';
import {
  ARROW_ROWS_FORMAT, CSV_ROWS_FORMAT, STORED_ROW_COLUMNS, StoredRowsError, storedRowsMeta, type StoredDatasetMeta,
} from '../core/user-data/stored-rows.ts';
import type { UserDataset, UserObservation } from '../core/user-data/types.ts';
import { DATASET_TABLES, userColumnList } from '../core/schema/index.ts';
import type { AfterUserRowsChange } from './database.ts';
import type { Db, SqlParam } from './db.ts';
import { physicalTableName, rebuildObservationsView } from './observations-view.ts';

/** The user columns (src/core/schema/tables.ts `userColumns`) every loaded table gets; shipped rows take the defaults. */
const EXTENSION_COLUMNS: ReadonlyArray<readonly [table: string, column: string, type: string]> = DATASET_TABLES.flatMap((table) =>
  userColumnList(table).map((c) => [physicalTableName(table.name), c.name, c.default === null ? c.type : `${c.type} DEFAULT ${c.default}`] as const));

/** One row per stored dataset: what the source panel and exports name a user row by. */
const DATASETS_TABLE = `CREATE TABLE IF NOT EXISTS user_datasets (
  dataset_id VARCHAR PRIMARY KEY, kind VARCHAR, file_name VARCHAR, imported_at VARCHAR, encoding VARCHAR,
  rows_table VARCHAR)`; // the dataset's rows' table (observations-view.ts)


/**
 * Where DuckDB can read a file we hand it (the browser: `registerFileText`; Node tests: a temp file),
 * and take an Arrow stream. Rows then go in through `read_csv` or one Arrow insert: 100k rows load in
 * well under a second, where bound multi-row INSERTs took ~1 ms a row. Without it, bound INSERTs are
 * the fallback.
 */
export interface TextFiles {
  /**
   * Creates table `table` from an Arrow IPC stream (`create`), or appends the stream's rows to it
   * (duckdb-wasm: `insertArrowFromIPCStream`; the bytes may be detached).
   */
  insertArrowStream(table: string, stream: Uint8Array, create: boolean): Promise<void>;
  /** Makes `text` readable under a name; returns the path `read_csv` should be given. */
  register(name: string, text: string): Promise<string>;
  /** The same for bytes already encoded (a stored dataset's blob; duckdb-wasm takes them without a copy). */
  registerBytes(name: string, bytes: Uint8Array): Promise<string>;
  drop(name: string): Promise<void>;
}

const filesOf = new WeakMap<Db, TextFiles>();

/** Adds the extension columns and the datasets table. */
export async function prepareUserTables(db: Db, files?: TextFiles): Promise<void> {
  if (files) filesOf.set(db, files);
  for (const [table, column, type] of EXTENSION_COLUMNS) {
    await db.exec(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${column} ${type}`);
  }
  await db.exec(DATASETS_TABLE);
  await rebuildObservationsView(db); // the shipped table's columns changed: the view is made again over them
}

/** A place the shipped `regions` table may lack, looked up by code from the divisions. */
export type DivisionByCode = (code: string) => DivisionRow | null;

/** Rows per INSERT: 24 bound values each, so ~12k parameters a statement. */
const BATCH = 500;

async function tableColumns(db: Db, table: string): Promise<Set<string>> {
  const rows = await db.query<{ column_name: string }>(
    'SELECT column_name FROM information_schema.columns WHERE table_name = ?', [table]);
  return new Set(rows.map((r) => r.column_name));
}

/** Column types of the rows we insert, by table, from the schema; read_csv must not guess them. */
const TYPES: Readonly<Record<string, Readonly<Record<string, string>>>> = Object.fromEntries(DATASET_TABLES.map((table) => [table.name,
  Object.fromEntries([...Object.entries(table.columns), ...Object.entries(table.userColumns)].map(([name, c]) => [name, c.readAs ?? c.type]))]));

let fileSerial = 0;

/** Inserts the rows into the columns the table has (a loader may ship fewer), through a CSV file when one can be registered. */
async function insertRows(db: Db, table: string, rows: ReadonlyArray<Record<string, SqlParam>>): Promise<void> {
  if (rows.length === 0) return;
  const present = await tableColumns(db, table);
  const columns = Object.keys(rows[0]!).filter((c) => present.has(c));
  const files = filesOf.get(db);
  if (files) await insertThroughCsv(db, files, table, columns, rows);
  else await insertBound(db, table, columns, rows);
}

/**
 * RFC 4180 text for read_csv: every text field quoted (so '' stays distinct from NULL, which is an
 * unquoted empty field), quotes doubled, numbers as written. Hand-rolled: papaparse's unparse with a
 * quoting function took ~4 s for 100k rows, this takes a fraction of that.
 */
export function csvText(columns: readonly string[], rows: ReadonlyArray<Record<string, SqlParam>>): string {
  const cell = (value: SqlParam | undefined): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    return `"${value.replace(/"/g, '""')}"`;
  };
  const lines = [columns.map((c) => `"${c}"`).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(','));
  return `${lines.join('\n')}\n`;
}

async function insertThroughCsv(
  db: Db, files: TextFiles, table: string, columns: readonly string[], rows: ReadonlyArray<Record<string, SqlParam>>,
): Promise<void> {
  const text = csvText(columns, rows);
  const name = `user-rows-${++fileSerial}-${table}.csv`;
  const path = await files.register(name, text);
  try {
    const types = columns.map((c) => `'${c}': '${TYPES[table]?.[c] ?? 'VARCHAR'}'`).join(', ');
    const list = columns.map((c) => `"${c}"`).join(', ');
    // The path is ours (never user text), quoted as a literal: table functions take no bound parameters.
    await db.exec(`INSERT INTO ${table} (${list}) SELECT ${list} FROM read_csv('${path.replace(/'/g, "''")}', header = true, delim = ',', quote = '"',
      escape = '"', encoding = 'utf-8', allow_quoted_nulls = false, columns = {${types}})`);
  } finally {
    await files.drop(name);
  }
}

async function insertBound(db: Db, table: string, columns: readonly string[], rows: ReadonlyArray<Record<string, SqlParam>>): Promise<void> {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    const sql = `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`;
    await db.query(sql, chunk.flatMap((row) => columns.map((c) => row[c] ?? null)));
  }
}

/** A user row's id: its dataset id (already unlike any shipped id) and its position. */
export const userObsId = (datasetId: string, index: number): string => `${datasetId}#${index + 1}`;

/** A user observation as a row of its dataset's table: the stored columns (STORED_ROW_COLUMNS), as the stored blob holds them. */
function storedRow(o: UserObservation, index: number): Record<(typeof STORED_ROW_COLUMNS)[number], SqlParam> {
  return {
    ordinal: index + 1, region_code: o.region_code, region_name: o.region_name, year: o.year,
    period: o.period, indicator_id: o.indicator_id, value: o.value, unit: o.unit, approx: o.approx, value_kind: o.value_kind,
    report_id: o.report_id, quote: o.quote, span_start: o.span_start, span_end: o.span_end, rule_id: o.rule_id,
    quote_start: o.quote_start, derivation: o.derivation, inputs: o.inputs.length > 0 ? JSON.stringify(o.inputs) : '',
    flags: o.flags.join('; '), source_row: o.source_row, source_column: o.source_column,
    table_quote: o.table_quote ?? '', table_unit: o.table_unit ?? '', table_source: o.table_source ?? '',
  };
}

/** A new dataset table's name: ours, never user text (observations-view.ts refuses any other). */
const newRowsTable = (): string => `user_rows_${++fileSerial}`;

/**
 * Adds one dataset's rows (replacing an earlier copy of the same dataset, never a shipped row) in
 * one transaction: a failure leaves the tables as they were. Places missing from `regions` are
 * added from the divisions, marked `origin = 'user'`. `afterChange` runs inside the transaction
 * (recomputing the pre-aggregates, so pickers and Coverage count the rows).
 *
 * With a place to register files (the browser, the Node tests' temp files) the rows go through the
 * stored form (`insertStoredDataset`), the path start-up takes; without one, bound INSERTs into the
 * dataset's table.
 */
export async function insertUserDataset(db: Db, dataset: UserDataset, division: DivisionByCode, afterChange: AfterUserRowsChange | null = null): Promise<void> {
  if (filesOf.has(db)) {
    const bytes = arrowRowsStream(dataset.observations);
    const meta = storedRowsMeta(dataset, {
      format: ARROW_ROWS_FORMAT, columns: [...STORED_ROW_COLUMNS], rowCount: dataset.observations.length, byteLength: bytes.length, sha256: '',
    });
    await insertStoredDataset(db, meta, bytes, async () => division, afterChange);
    return;
  }
  const table = newRowsTable();
  await inTransaction(db, afterChange, async () => {
    await deleteRows(db, dataset.id);
    await db.exec(createRowsTableSql(table));
    await insertBound(db, table, [...STORED_ROW_COLUMNS], dataset.observations.map(storedRow));
    await insertReportsAndDataset(db, dataset, table);
    await rebuildObservationsView(db);
    await insertMissingRegions(db, dataset.id, table, async () => division);
  });
}

/**
 * Loads a stored dataset: its reports as rows, and its blob (src/core/user-data/stored-rows.ts) with
 * ONE insert, never a loop over rows in JavaScript: an Arrow stream (`arrow-v1`) into the dataset's
 * own table in one Arrow insert; an older CSV blob (`csv-v1`) in one `CREATE TABLE … AS SELECT … FROM
 * read_csv(…)` whose columns and types are declared. The rows are not copied again: `observations`
 * is a view that reads the table (observations-view.ts, where the measurements behind this are named).
 * The blob must hold exactly the rows its metadata counts, or nothing is kept (StoredRowsError).
 * `divisions` is asked for only when the rows name a place `regions` lacks.
 */
export async function insertStoredDataset(
  db: Db, meta: StoredDatasetMeta, rows: Uint8Array, divisions: () => Promise<DivisionByCode>, afterChange: AfterUserRowsChange | null = null,
): Promise<void> {
  const files = filesOf.get(db);
  if (!files) throw new Error('insertStoredDataset: no file registration for this database');
  const table = await step('stage', () => stageStoredRows(db, files, meta, rows));
  try {
    await inTransaction(db, afterChange, async () => {
      await step('delete-earlier', () => deleteRows(db, meta.id));
      await step('reports', () => insertReportsAndDataset(db, meta, table));
      const [loaded] = await step('count', () => db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`));
      if ((loaded?.n ?? 0) !== meta.rows.rowCount) {
        throw new StoredRowsError(`${meta.id}: ${loaded?.n ?? 0} rows read from the stored file, ${meta.rows.rowCount} expected`,
          { kind: 'rows-count', read: loaded?.n ?? 0, expected: meta.rows.rowCount });
      }
      await step('view', () => rebuildObservationsView(db));
      await step('missing-regions', () => insertMissingRegions(db, meta.id, table, divisions));
    });
  } catch (error) {
    await step('drop-table', () => db.exec(`DROP TABLE IF EXISTS ${table}`)).catch(() => undefined);
    throw error;
  }
}

/** Each step of a stored dataset's load as a measure `atlas:user-rows-step` (detail: the step's name), read by the benches. */
async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    performance.measure('atlas:user-rows-step', { start: started, detail: name });
  }
}

const typeOf = (column: string): string => (column === 'ordinal' ? 'INTEGER' : TYPES.observations?.[column] ?? 'VARCHAR');

/** An empty dataset table with every stored column, typed as the Arrow insert would type it. */
const createRowsTableSql = (table: string): string =>
  `CREATE TABLE ${table} (${STORED_ROW_COLUMNS.map((c) => `"${c}" ${typeOf(c)}`).join(', ')})`;

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
 * rebuilds `observations` over it, so a half-filled table is never seen. The caller drops it if the
 * change fails.
 */
async function stageStoredRows(db: Db, files: TextFiles, meta: StoredDatasetMeta, rows: Uint8Array): Promise<string> {
  const table = newRowsTable();
  if (meta.rows.format === ARROW_ROWS_FORMAT) {
    const release = () => db.exec(`DROP TABLE IF EXISTS ${table}`);
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
      await release().catch(() => undefined);
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
    } finally {
      await files.drop(name);
    }
    return table;
  }
  throw new StoredRowsError(`${meta.id}: stored rows in an unknown format ${String(meta.rows.format)}`, { kind: 'rows-format', format: String(meta.rows.format) });
}

async function inTransaction(db: Db, afterChange: AfterUserRowsChange | null, run: () => Promise<void>): Promise<void> {
  await db.exec('BEGIN TRANSACTION');
  try {
    await run();
    if (afterChange) await step('after-change', () => afterChange(db));
    await step('commit', () => db.exec('COMMIT'));
  } catch (error) {
    await db.exec('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The dataset's reports, and its entry in `user_datasets` naming its rows' table (`rowsTable`, ours). */
async function insertReportsAndDataset(
  db: Db, dataset: Pick<StoredDatasetMeta, 'id' | 'kind' | 'fileName' | 'importedAt' | 'encoding' | 'reports'>, rowsTable: string,
): Promise<void> {
  await insertRows(db, 'reports', dataset.reports.map(({ meta, body, source }) => ({
    report_id: meta.id, region_code: meta.region_code, region_name: meta.region_name, publisher: meta.publisher,
    publisher_kind: meta.publisher_kind, source_kind: meta.source_kind, title: meta.title, url: meta.url, published: meta.published, coverage: meta.coverage,
    year: meta.year, chars: body.length, sha256: '', origin: 'user', dataset_id: dataset.id,
    // A converted PDF's page map, in the column the shipped reports use, so the source panel names the page either way.
    page_starts: pageStartsCell(source?.pageStarts),
  })));
  await db.query('INSERT INTO user_datasets VALUES (?, ?, ?, ?, ?, ?)',
    [dataset.id, dataset.kind, dataset.fileName, dataset.importedAt, dataset.encoding, rowsTable]);
}

/** Places the dataset's rows and reports name that `regions` lacks, added from the divisions (fetched only then). */
async function insertMissingRegions(db: Db, datasetId: string, rowsTable: string, divisions: () => Promise<DivisionByCode>): Promise<void> {
  // Only real codes: a table's file-level report has no place (''). The dataset's own table, not the view: only its rows are read.
  const missing = await db.query<{ region_code: string; region_name: string }>(
    `SELECT region_code, max(region_name) AS region_name FROM (
       SELECT region_code, region_name FROM ${rowsTable}
       UNION ALL SELECT region_code, region_name FROM reports WHERE origin = 'user' AND dataset_id = ?)
     WHERE region_code <> '' AND region_code NOT IN (SELECT region_code FROM regions)
     GROUP BY region_code ORDER BY region_code`, [datasetId]);
  if (missing.length === 0) return;
  const division = await divisions();
  await insertRows(db, 'regions', missing.map(({ region_code: code, region_name: name }) => {
    const d = division(code);
    // A code the divisions do not know still gets a row (its name as the user gave it), so joins keep the place.
    return {
      region_code: code, region_name: d?.region_name ?? (name || code), name_pinyin: d?.name_pinyin ?? '',
      level: d?.level ?? '', prefecture_code: d?.prefecture_code ?? null, prefecture_name: d?.prefecture_name ?? null,
      province_code: d?.province_code ?? null, province_name: d?.province_name ?? null,
      prefecture_pinyin: d?.prefecture_pinyin ?? '', province_pinyin: d?.province_pinyin ?? '', origin: 'user',
    };
  }));
}

/** Removes a dataset: its entry, reports and rows' table (the view rebuilt without it first). */
async function deleteRows(db: Db, datasetId: string): Promise<void> {
  const entries = await db.query<{ rows_table: string | null }>('SELECT rows_table FROM user_datasets WHERE dataset_id = ?', [datasetId]);
  // Not loaded (every start-up's case): its entry, reports and places go in together, so there is nothing to remove,
  // and the places' clean-up below (a scan of every observation, seconds at a million rows) is skipped.
  if (entries.length === 0) return;
  const tables = entries.filter((e): e is { rows_table: string } => e.rows_table !== null);
  await db.query("DELETE FROM reports WHERE origin = 'user' AND dataset_id = ?", [datasetId]);
  await db.query('DELETE FROM user_datasets WHERE dataset_id = ?', [datasetId]);
  if (tables.length > 0) {
    await rebuildObservationsView(db);
    // Names read back from user_datasets are ones we wrote (newRowsTable); the view's rebuild checks them too.
    for (const { rows_table: table } of tables) if (/^user_rows_\d+$/.test(table)) await db.exec(`DROP TABLE IF EXISTS ${table}`);
  }
  // Places added for user rows go when no row names them any more; shipped places always stay.
  await db.exec(`DELETE FROM regions g WHERE g.origin = 'user'
    AND NOT EXISTS (SELECT 1 FROM observations o WHERE o.region_code = g.region_code)
    AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.region_code = g.region_code)`);
}

/** Removes one dataset's rows (and the places only it added); shipped rows are untouched. */
export async function deleteUserDataset(db: Db, datasetId: string, afterChange: AfterUserRowsChange | null = null): Promise<void> {
  await inTransaction(db, afterChange, () => deleteRows(db, datasetId));
}

/** Codes of the places a dataset names that the shipped `regions` table lacks (so the caller knows whether to fetch divisions). */
export async function unknownRegionCodes(db: Db, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const known = new Set((await db.query<{ region_code: string }>(
    'SELECT region_code FROM regions WHERE list_contains(string_split(?, \',\'), region_code)', [codes.join(',')],
  )).map((r) => r.region_code));
  return [...new Set(codes)].filter((c) => !known.has(c));
}
