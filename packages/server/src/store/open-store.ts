// Opens the store a location names: a PostgreSQL URL, `:memory:`, or a SQLite file path.
import type { Store } from './port.js';

/**
 * Opens the store at `location`: `postgres://…` or `postgresql://…` → PostgreSQL, `:memory:` →
 * the in-memory store, anything else → a SQLite file at that path. Each adapter is imported
 * only when chosen, so opening one never loads another's driver (and `faultline classify`,
 * which opens none, loads no native module).
 *
 * @example
 * const store = await openStore(config.store.location ?? './faultline.db');
 */
export async function openStore(
  location: string,
  options: { readonly sqliteBusyTimeoutMs?: number } = {},
): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    const { openPostgresStore } = await import('./postgres/index.js');
    return openPostgresStore(location);
  }
  if (location === ':memory:') {
    const { createMemoryStore } = await import('./memory/index.js');
    return createMemoryStore();
  }
  const { openSqliteStore } = await import('./sqlite/index.js');
  return openSqliteStore(
    location,
    options.sqliteBusyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.sqliteBusyTimeoutMs },
  );
}
