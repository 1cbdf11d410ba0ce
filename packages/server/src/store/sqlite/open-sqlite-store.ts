// Opens a SQLite file as the store: loads the native driver only here, sets pragmas, migrates.
import type { Store } from '../port.js';
import { toStoreError } from './sqlite-errors.js';
import { migrate } from './migrations.js';
import { createSqliteStore } from './sqlite-store.js';

/** How to open the file. */
export interface SqliteStoreOptions {
  /** How long a write waits for another connection's lock before failing as unavailable. */
  readonly busyTimeoutMs?: number;
  /** The time migrations are stamped with (default: now). */
  readonly nowMs?: number;
}

/**
 * Opens (creating if need be) the SQLite store at `path` and brings its schema up to date.
 * WAL with `synchronous=FULL`: a batch acknowledged as committed survives kill -9 and power loss
 * (https://www.sqlite.org/pragma.html#pragma_synchronous). `better-sqlite3` is imported here, so
 * commands that never open a store never load native code.
 *
 * @example
 * const store = await openSqliteStore('./faultline.db');
 */
export async function openSqliteStore(
  path: string,
  options: SqliteStoreOptions = {},
): Promise<Store> {
  const { default: Sqlite } = await import('better-sqlite3');
  const db = (() => {
    try {
      return new Sqlite(path);
    } catch (e: unknown) {
      throw toStoreError(e);
    }
  })();
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // A bounded page cache (4 MiB): ingest appends and reads recent rows, so a bigger cache buys
    // little, and the service's memory stays flat instead of growing into SQLite's default.
    db.pragma('cache_size = -4096');
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    migrate(db, options.nowMs ?? Date.now());
    return createSqliteStore(db);
  } catch (e: unknown) {
    db.close();
    throw toStoreError(e);
  }
}
