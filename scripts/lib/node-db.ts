/** The Node implementation of the Db door (@duckdb/node-api), loading a dataset folder of CSVs with the browser's SQL. */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { plainRow, withSql, type Db, type SqlParam } from '../../src/db/db.ts';
import { createTables } from '../../src/db/schema.ts';
import { recomputeCoverage } from '../../src/db/pre-aggregates.ts';
import { prepareUserTables } from '../../src/db/user-rows.ts';

export interface NodeDb extends Db {
  close(): void;
}

export async function openNodeDb(dir: string): Promise<NodeDb> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const db = wrap(connection, () => { connection.closeSync(); instance.closeSync(); });
  await db.exec('SET autoinstall_known_extensions = false');
  await db.exec('SET autoload_known_extensions = false');
  await createTables((sql) => db.exec(sql), (table) => {
    const path = join(dir, table.file);
    return existsSync(path) ? path : null;
  });
  await prepareUserTables(db); // as the browser does: the user rows' origin/dataset_id columns
  await recomputeCoverage(db); // as the browser's CSV source does after loading
  return db;
}

function wrap(connection: DuckDBConnection, close: () => void): NodeDb {
  return {
    query<T>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      return withSql(sql, params, async () => {
        const statement = await connection.prepare(sql);
        if (params.length > 0) statement.bind(params as DuckDBValue[]);
        const reader = await statement.runAndReadAll();
        return reader.getRowObjectsJS().map((row) => plainRow(row) as T);
      });
    },
    async exec(sql: string): Promise<void> {
      await withSql(sql, [], () => connection.run(sql));
    },
    close,
  };
}
