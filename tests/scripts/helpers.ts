/** Shared by the pipeline tests: temp folders, an independent body reader, Parquet read back. */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const REPORTS_DIR = join(ROOT, 'data', 'reports');
export const SHIPPED_DIR = join(ROOT, 'public', 'data');

export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `fazhi-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * The body of a report file, found without parseReport so the tests check it: everything after
 * the newline that ends the closing `---` line (docs/DATA-CONTRACT.md §1), unchanged.
 */
export function bodyOf(fileText: string): string {
  const text = fileText.startsWith('\uFEFF') ? fileText.slice(1) : fileText;
  const lines = text.split('\n');
  if (lines[0]!.replace(/\r$/, '') !== '---') throw new Error('no opening ---');
  let offset = lines[0]!.length + 1;
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i]!;
    offset += line.length + 1;
    if (/^---[ \t]*\r?$/.test(line)) return text.slice(offset);
  }
  throw new Error('no closing ---');
}

/** report_id → body, for every report file in a folder. */
export function readBodies(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => [f.slice(0, -4), bodyOf(readFileSync(join(dir, f), 'utf8'))]));
}

export type JsRow = Record<string, string | number | boolean | null>;

/** Reads a Parquet file back through DuckDB (the path is a bound parameter). */
export async function readParquet(path: string): Promise<{ columns: string[]; rows: JsRow[] }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll('SELECT * FROM read_parquet($1)', [path]);
    return { columns: reader.columnNames(), rows: reader.getRowObjectsJS() as JsRow[] };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Every regular file in a folder (not recursive), name → bytes. */
export function filesOf(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => [e.name, readFileSync(join(dir, e.name))]));
}
