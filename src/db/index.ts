export { QueryError, type Db, type SqlParam } from './db.ts';
export type { AfterUserRowsChange, Database, DbStage } from './database.ts';
export { createBrowserDatabase } from './browser-database.ts';
export { dataBaseUrl } from './data-url.ts';
export { ALL, NONE, peerScope, placesScope, unionScope, scopeKey, provinceOf, type Scope } from './sources/scope.ts';
export * from './queries/index.ts';
