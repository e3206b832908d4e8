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
import { arrowRowsStream } from '../core/user-data/stored-rows-arrow.ts';
import { ARROW_ROWS_FORMAT, STORED_ROW_COLUMNS, storedRowsMeta } from '../core/user-data/stored-rows.ts';
import type { UserDataset, UserObservation } from '../core/user-data/types.ts';
import { userColumnList, DATASET_TABLES } from '../core/schema/index.ts';
import type { AfterUserRowsChange } from './database.ts';
import type { Db, SqlParam } from './db.ts';
import { physicalTableName, rebuildObservationsView } from './observations-view.ts';
import { insertStoredDataset } from './stored-datasets.ts';
import {
  createRowsTableSql, deleteRows, filesFor, inTransaction, insertBound, insertMissingRegions, insertReportsAndDatasets, newRowsTable, setFilesFor,
  type DivisionByCode, type TextFiles,
} from './user-tables.ts';

/** The user columns (src/core/schema/tables.ts `userColumns`) every loaded table gets; shipped rows take the defaults. */
const EXTENSION_COLUMNS: ReadonlyArray<readonly [table: string, column: string, type: string]> = DATASET_TABLES.flatMap((table) =>
  userColumnList(table).map((c) => [physicalTableName(table.name), c.name, c.default === null ? c.type : `${c.type} DEFAULT ${c.default}`] as const));

/** One row per stored dataset: what the source panel and exports name a user row by. */
const DATASETS_TABLE = `CREATE TABLE IF NOT EXISTS user_datasets (
  dataset_id VARCHAR PRIMARY KEY, kind VARCHAR, file_name VARCHAR, imported_at VARCHAR, encoding VARCHAR,
  rows_table VARCHAR)`; // the dataset's rows' table (observations-view.ts)

/** Adds the extension columns and the datasets table. */
export async function prepareUserTables(db: Db, files?: TextFiles): Promise<void> {
  if (files) setFilesFor(db, files);
  for (const [table, column, type] of EXTENSION_COLUMNS) {
    await db.exec(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${column} ${type}`);
  }
  await db.exec(DATASETS_TABLE);
  await rebuildObservationsView(db); // the shipped table's columns changed: the view is made again over them
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
  if (filesFor(db)) {
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
    await insertReportsAndDatasets(db, [{ ...dataset, rowsTable: table }]);
    await rebuildObservationsView(db);
    await insertMissingRegions(db, [{ id: dataset.id, rowsTable: table }], async () => division);
  });
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
