// Applies the pending migrations in one transaction under an advisory lock.
import type { Db } from './db.js';
import { MIGRATION_LOCK_KEY } from './locks.js';
import type { Migration } from './migrations.js';

/**
 * Brings the schema up to date. `pg_advisory_xact_lock` serialises replicas that start at once:
 * the second waits, then finds the versions the first recorded and applies nothing. DDL is
 * transactional in PostgreSQL, so a failing migration rolls every pending one back and rejects.
 *
 * @returns the versions applied by this call, in order.
 */
export async function migrate(db: Db, migrations: readonly Migration[]): Promise<number[]> {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  return db.tx(async (sql) => {
    await sql.rows('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await sql.count(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = await sql.rows<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(done.map((r) => r.version));
    const ran: number[] = [];
    for (const m of ordered) {
      if (applied.has(m.version)) continue;
      await sql.count(m.sql);
      await sql.count('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
      ran.push(m.version);
    }
    return ran;
  });
}
