/**
 * For the partitioned-source tests: a small synthetic dataset written by `npm run gen:synthetic`, and
 * a Node DuckDB behind the same Engine interface the browser's wasm-db.ts provides.
 */
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Table } from 'apache-arrow';
import { plainRow, withSql, type Db, type SqlParam } from '../../src/db/db.ts';
import { parseManifest, type PartitionedManifest } from '../../src/db/sources/manifest.ts';
import type { Engine } from '../../src/db/sources/source.ts';
import { physicalTableName } from '../../src/db/observations-view.ts';

/** Generates a SYNTHETIC partitioned dataset into a temporary folder (50 places, `years` years, 5 indicators by default). */
export function generateSmallDataset(prefix: string, args: { years?: number; indicators?: number } = {}): { dir: string; manifest: PartitionedManifest } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/gen-synthetic.ts', '--out', dir, '--regions', '50',
    '--years', String(args.years ?? 2), '--indicators', String(args.indicators ?? 5)], { stdio: 'pipe' });
  const parsed = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  if (parsed.layout !== 'hive-parquet') throw new Error('expected a partitioned manifest');
  return { dir, manifest: parsed };
}

/** An in-memory DuckDB as a `Db` and an `Engine` (CSV files registered into a folder of its own). */
export async function nodeEngine(): Promise<{ db: Db; engine: Engine; close: () => void }> {
  const files = mkdtempSync(join(tmpdir(), 'atlas-partitioned-files-'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const db: Db = {
    query: <T>(sql: string, params: readonly SqlParam[] = []) => withSql(sql, params, async () => {
      const statement = await connection.prepare(sql);
      if (params.length > 0) statement.bind(params as DuckDBValue[]);
      return (await statement.runAndReadAll()).getRowObjectsJS().map((row) => plainRow(row) as T);
    }),
    exec: async (sql: string) => { await withSql(sql, [], () => connection.run(sql)); },
  };
  // What the browser's registerFileText does (a name read_csv can open), in a folder of its own.
  await db.exec(`SET file_search_path = '${files.replace(/'/g, "''")}'`);
  const engine: Engine = {
    db,
    registerFileText: async (name, text) => { writeFileSync(join(files, name), text); },
    // Small data: row inserts by name stand in for the browser's Arrow insert.
    insertArrow: async (name: string, table: Table) => {
      for (const row of table.toArray() as Array<{ toJSON(): Record<string, unknown> }>) {
        const entries = Object.entries(row.toJSON()).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v] as const);
        await db.query(`INSERT INTO ${physicalTableName(name)} (${entries.map(([k]) => `"${k}"`).join(', ')}) VALUES (${entries.map(() => '?').join(', ')})`,
          entries.map(([, v]) => (v === undefined ? null : v) as SqlParam));
      }
    },
  };
  const close = () => {
    connection.closeSync();
    instance.closeSync();
    rmSync(files, { recursive: true, force: true });
  };
  return { db, engine, close };
}
