export { QueryError, type Db, type SqlParam } from './db.ts';
export { getDb, dataBaseUrl } from './wasm-db.ts';
export * from './queries/index.ts';
