// The SQLite store adapter (better-sqlite3, loaded lazily when a store is opened).
export { openSqliteStore } from './open-sqlite-store.js';
export type { SqliteStoreOptions } from './open-sqlite-store.js';
