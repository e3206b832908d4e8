/**
 * What every change of the user rows is built from (user-rows.ts adds and removes datasets,
 * stored-datasets.ts loads the stored ones): how rows reach DuckDB (a registered CSV file or bound
 * INSERTs), the dataset's own table, its reports and `user_datasets` entry, the places it names that
 * `regions` lacks, its removal, and the transaction a change runs in. Each takes many datasets at once
 * where start-up loads many: one statement for all of them, not one each (docs/BENCHMARKS.md "Many
 * small stored datasets").
 */
import type { DivisionRow } from '../core/regions/region-lookup.ts';
import { pageStartsCell } from '../core/report/page-starts.ts';
import { STORED_ROW_COLUMNS, type StoredDatasetMeta } from '../core/user-data/stored-rows.ts';
import { DATASET_TABLES } from '../core/schema/index.ts';
import type { AfterUserRowsChange } from './database.ts';
import type { Db, SqlParam } from './db.ts';
import { rebuildObservationsView } from './observations-view.ts';

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
/** The database's file registration (prepareUserTables sets it), or undefined: bound INSERTs then. */
export const filesFor = (db: Db): TextFiles | undefined => filesOf.get(db);
export const setFilesFor = (db: Db, files: TextFiles): void => { filesOf.set(db, files); };

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
export async function insertRows(db: Db, table: string, rows: ReadonlyArray<Record<string, SqlParam>>): Promise<void> {
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

export async function insertBound(db: Db, table: string, columns: readonly string[], rows: ReadonlyArray<Record<string, SqlParam>>): Promise<void> {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    const sql = `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`;
    await db.query(sql, chunk.flatMap((row) => columns.map((c) => row[c] ?? null)));
  }
}

/** A new dataset table's name: ours, never user text (observations-view.ts refuses any other). */
export const newRowsTable = (): string => `user_rows_${++fileSerial}`;

/** A stored column's type in a dataset's table. */
export const typeOf = (column: string): string => (column === 'ordinal' ? 'INTEGER' : TYPES.observations?.[column] ?? 'VARCHAR');

/** An empty dataset table with every stored column, typed as the Arrow insert would type it. */
export const createRowsTableSql = (table: string): string =>
  `CREATE TABLE ${table} (${STORED_ROW_COLUMNS.map((c) => `"${c}" ${typeOf(c)}`).join(', ')})`;

/** Each step of a stored dataset's load as a measure `atlas:user-rows-step` (detail: the step's name), read by the benches. */
export async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    performance.measure('atlas:user-rows-step', { start: started, detail: name });
  }
}

export async function inTransaction(db: Db, afterChange: AfterUserRowsChange | null, run: () => Promise<void>): Promise<void> {
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

/** A dataset as its reports and `user_datasets` entry need it, with its rows' table (ours). */
export type DatasetEntry = Pick<StoredDatasetMeta, 'id' | 'kind' | 'fileName' | 'importedAt' | 'encoding' | 'reports'> & { rowsTable: string };

/** The datasets' reports (one insert for all) and their entries in `user_datasets` naming their rows' tables. */
export async function insertReportsAndDatasets(db: Db, datasets: readonly DatasetEntry[]): Promise<void> {
  await insertRows(db, 'reports', datasets.flatMap((dataset) => dataset.reports.map(({ meta, body, source }) => ({
    report_id: meta.id, region_code: meta.region_code, region_name: meta.region_name, publisher: meta.publisher,
    publisher_kind: meta.publisher_kind, source_kind: meta.source_kind, title: meta.title, url: meta.url, published: meta.published, coverage: meta.coverage,
    year: meta.year, chars: body.length, sha256: '', origin: 'user', dataset_id: dataset.id,
    // A converted PDF's page map, in the column the shipped reports use, so the source panel names the page either way.
    page_starts: pageStartsCell(source?.pageStarts),
  }))));
  await insertBound(db, 'user_datasets', ['dataset_id', 'kind', 'file_name', 'imported_at', 'encoding', 'rows_table'],
    datasets.map((d) => ({ dataset_id: d.id, kind: d.kind, file_name: d.fileName, imported_at: d.importedAt, encoding: d.encoding, rows_table: d.rowsTable })));
}

/** Ids bound as one parameter and split in SQL (stored ids are `user-[a-z0-9-]+`, validate-record.ts: never a comma). */
const idList = (ids: readonly string[]): string => ids.join(',');

/** Places the datasets' rows and reports name that `regions` lacks, added from the divisions (fetched only then): one query for all. */
export async function insertMissingRegions(db: Db, datasets: ReadonlyArray<Pick<DatasetEntry, 'id' | 'rowsTable'>>, divisions: () => Promise<DivisionByCode>): Promise<void> {
  if (datasets.length === 0) return;
  // Only real codes: a table's file-level report has no place (''). The datasets' own tables, not the view: only their rows are read.
  const tables = datasets.map((d) => `SELECT region_code, region_name FROM ${d.rowsTable}`).join('\n UNION ALL ');
  const missing = await db.query<{ region_code: string; region_name: string }>(
    `SELECT region_code, max(region_name) AS region_name FROM (
       ${tables}
       UNION ALL SELECT region_code, region_name FROM reports WHERE origin = 'user' AND dataset_id IN (SELECT unnest(string_split(?, ','))))
     WHERE region_code <> '' AND region_code NOT IN (SELECT region_code FROM regions)
     GROUP BY region_code ORDER BY region_code`, [idList(datasets.map((d) => d.id))]);
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

/** Removes the datasets already loaded among these (a re-import; at start-up none is, and one query says so). */
export async function deleteLoaded(db: Db, datasetIds: readonly string[]): Promise<void> {
  if (datasetIds.length === 0) return;
  const loaded = await db.query<{ dataset_id: string }>(
    "SELECT dataset_id FROM user_datasets WHERE dataset_id IN (SELECT unnest(string_split(?, ',')))", [idList(datasetIds)]);
  for (const { dataset_id: id } of loaded) await deleteRows(db, id);
}

/** Removes a dataset: its entry, reports and rows' table (the view rebuilt without it first). */
export async function deleteRows(db: Db, datasetId: string): Promise<void> {
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
