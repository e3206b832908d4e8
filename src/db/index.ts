export { QueryError, type Db, type SqlParam } from './db.ts';
export { getDb, getDbFor, getLoadedDb, getSource, dataBaseUrl } from './wasm-db.ts';
export { ALL, NONE, peerScope, placesScope, unionScope, scopeKey, provinceOf, type Scope } from './sources/scope.ts';
export * from './queries/index.ts';
