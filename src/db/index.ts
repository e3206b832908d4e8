export { QueryError, type Db, type SqlParam } from './db.ts';
export { getDb, getDbFor, getLoadedDb, getSource, dbStage, onDbStage, type DbStage } from './lazy-db.ts';
export { dataBaseUrl } from './data-url.ts';
export { ALL, NONE, peerScope, placesScope, unionScope, scopeKey, provinceOf, type Scope } from './sources/scope.ts';
export * from './queries/index.ts';
