export { QueryError, type Db, type SqlParam } from './db.ts';
export { getDb, dbStage, onDbStage, type DbStage } from './lazy-db.ts';
export { dataBaseUrl } from './data-url.ts';
export * from './queries/index.ts';
