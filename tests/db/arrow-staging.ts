/**
 * The Node tests' stand-in for duckdb-wasm's `insertArrowFromIPCStream` (@duckdb/node-api takes no
 * Arrow): the stream is decoded with apache-arrow and loaded through a typed CSV file into a table of
 * the stream's column types. That duckdb-wasm itself reads the stream exactly is checked in
 * arrow-stream-wasm.test.ts.
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC, Type, type DataType } from 'apache-arrow';
import type { Db, SqlParam } from '../../src/db/db.ts';
import { csvText, type TextFiles } from '../../src/db/user-tables.ts';

const duckType = (type: DataType): string =>
  type.typeId === Type.Int ? 'INTEGER' : type.typeId === Type.Float ? 'DOUBLE' : type.typeId === Type.Utf8 || type.typeId === Type.Dictionary ? 'VARCHAR' : 'UNSUPPORTED';

let serial = 0;

/** Creates `table` from the stream (`create`) or appends its rows, as duckdb-wasm's insert does. */
export async function stageArrowInNode(db: Db, dir: string, table: string, stream: Uint8Array, create = true): Promise<void> {
  const arrow = tableFromIPC(stream);
  const columns = arrow.schema.fields.map((f) => [f.name, duckType(f.type)] as const);
  if (create) await db.exec(`CREATE TABLE ${table} (${columns.map(([name, type]) => `"${name}" ${type}`).join(', ')})`);
  const rows = arrow.toArray().map((row) => (row as { toJSON(): Record<string, SqlParam> }).toJSON());
  const path = join(dir, `${table}-${++serial}.csv`);
  writeFileSync(path, csvText(columns.map(([name]) => name), rows));
  await db.exec(`INSERT INTO ${table} SELECT * FROM read_csv('${path}', header = true, quote = '"', escape = '"', allow_quoted_nulls = false,
    columns = {${columns.map(([name, type]) => `'${name}': '${type}'`).join(', ')}})`);
}

/** The files duckdb-wasm registers in the browser, as temp files in `dir` for the Node build (`target`: the database the Arrow goes into). */
export function nodeFiles(dir: string, target: () => Db): TextFiles {
  return {
    insertArrowStream: (table, stream, create) => stageArrowInNode(target(), dir, table, stream, create),
    register: async (name, text) => { const path = join(dir, name); writeFileSync(path, text); return path; },
    registerBytes: async (name, bytes) => { const path = join(dir, name); writeFileSync(path, bytes); return path; },
    drop: async (name) => unlinkSync(join(dir, name)),
  };
}
