// Opens the PostgreSQL store: a pool, the schema migrated, the port's parts put together.
import type { Store } from '../port.js';
import { postgresAdmin } from './admin.js';
import { createDb } from './db.js';
import { postgresDeliveries } from './deliveries.js';
import { postgresFeed } from './feed.js';
import { postgresIncidents } from './incidents.js';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations.js';
import { postgresRecords } from './records.js';
import { postgresRollups } from './rollups.js';

/**
 * Connects to PostgreSQL at `url`, applies pending migrations (safe when replicas start at
 * once) and returns the store. While the server is down or unreachable every call rejects with
 * `StoreUnavailableError` (ingest answers 503); calls succeed again once it is back, without a
 * restart. Rejects with `StoreUnavailableError` if it cannot connect at open.
 *
 * @example
 * const { openPostgresStore } = await import('./store/postgres/index.js');
 * const store = await openPostgresStore('postgres://faultline@127.0.0.1:5432/faultline');
 */
export async function openPostgresStore(url: string): Promise<Store> {
  const db = createDb(url);
  try {
    await migrate(db, MIGRATIONS);
  } catch (e: unknown) {
    await db.end();
    throw e;
  }
  return {
    kind: 'postgres',
    async ping() {
      await db.rows('SELECT 1');
    },
    ...postgresRecords(db),
    ...postgresFeed(db),
    ...postgresIncidents(db),
    ...postgresDeliveries(db),
    ...postgresAdmin(db),
    ...postgresRollups(db),
    close: () => db.end(),
  };
}
