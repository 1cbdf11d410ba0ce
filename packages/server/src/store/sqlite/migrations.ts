// The SQLite schema as ordered migrations: version N is MIGRATIONS[N - 1]; never edit a shipped one.
import { FaultlineError } from '@faultline/core';
import type { Database } from 'better-sqlite3';

/**
 * Each entry moves the schema one version up; add new ones at the end. Version 1 holds what
 * issue 9 keeps, version 2 what issues 11 and 14 need (notification deliveries and claims,
 * breaker states), version 3 the per-minute rollups (issue 14).
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE records (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     ts_ms INTEGER NOT NULL, kind TEXT NOT NULL, provider TEXT NOT NULL, model TEXT NOT NULL,
     source TEXT NOT NULL, layer TEXT NOT NULL, json TEXT NOT NULL);
   CREATE INDEX records_ts ON records (ts_ms, seq);
   CREATE TABLE idempotency_keys (
     key TEXT PRIMARY KEY, response TEXT NOT NULL, at_ms INTEGER NOT NULL) WITHOUT ROWID;
   CREATE INDEX idempotency_keys_at ON idempotency_keys (at_ms);
   CREATE TABLE incidents (
     id TEXT PRIMARY KEY, state TEXT NOT NULL, provider TEXT, started_at_ms INTEGER NOT NULL,
     ended_at_ms INTEGER, updated_at_ms INTEGER NOT NULL, json TEXT NOT NULL);
   CREATE INDEX incidents_started ON incidents (started_at_ms DESC, id);
   CREATE TABLE incident_events (
     n INTEGER PRIMARY KEY AUTOINCREMENT, incident_id TEXT NOT NULL, kind TEXT NOT NULL,
     at_ms INTEGER NOT NULL, summary TEXT NOT NULL);
   CREATE INDEX incident_events_incident ON incident_events (incident_id, n);
   CREATE TABLE incident_updates (
     incident_id TEXT NOT NULL, stage TEXT NOT NULL, voice TEXT NOT NULL, text TEXT NOT NULL,
     drafted_at_ms INTEGER NOT NULL, published_at_ms INTEGER,
     PRIMARY KEY (incident_id, stage, voice)) WITHOUT ROWID;
   CREATE TABLE feed (
     id INTEGER PRIMARY KEY AUTOINCREMENT, type TEXT NOT NULL, at_ms INTEGER NOT NULL,
     data TEXT NOT NULL);
   CREATE INDEX feed_at ON feed (at_ms);
   CREATE TABLE engine_snapshot (
     slot INTEGER PRIMARY KEY CHECK (slot = 1), json TEXT NOT NULL, last_seq INTEGER NOT NULL,
     saved_at_ms INTEGER NOT NULL);
   CREATE TABLE tokens (
     n INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
     role TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, created_at_ms INTEGER NOT NULL,
     revoked_at_ms INTEGER);`,
  `CREATE TABLE deliveries (
     incident_id TEXT NOT NULL, channel TEXT NOT NULL, event TEXT NOT NULL, kind TEXT NOT NULL,
     at_ms INTEGER NOT NULL, outcome TEXT NOT NULL, attempts INTEGER NOT NULL,
     PRIMARY KEY (incident_id, channel, event)) WITHOUT ROWID;
   CREATE TABLE delivery_claims (
     incident_id TEXT NOT NULL, stage TEXT NOT NULL, channel TEXT NOT NULL,
     PRIMARY KEY (incident_id, stage, channel)) WITHOUT ROWID;
   CREATE TABLE breakers (
     target TEXT PRIMARY KEY, json TEXT NOT NULL, updated_at_ms INTEGER NOT NULL) WITHOUT ROWID;`,
  // Version 3 (issue 14): per-minute rollups kept after the raw records, and how far they read.
  `CREATE TABLE rollups (
     minute_ms INTEGER NOT NULL, provider TEXT NOT NULL, model TEXT NOT NULL,
     calls INTEGER NOT NULL, probe_calls INTEGER NOT NULL, f_integration INTEGER NOT NULL,
     f_network INTEGER NOT NULL, f_provider INTEGER NOT NULL, f_model INTEGER NOT NULL,
     latency TEXT NOT NULL,
     PRIMARY KEY (minute_ms, provider, model)) WITHOUT ROWID;
   CREATE TABLE rollup_cursor (
     slot INTEGER PRIMARY KEY CHECK (slot = 1), last_seq INTEGER NOT NULL);
   INSERT INTO rollup_cursor (slot, last_seq) VALUES (1, 0);`,
];

/** The schema version of the file (0 for a new one). */
export function schemaVersion(db: Database): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, applied_at_ms INTEGER NOT NULL)`);
  const row = db
    .prepare<[], { v: number | null }>('SELECT max(version) AS v FROM schema_migrations')
    .get();
  return row?.v ?? 0;
}

/**
 * Brings the file up to `target` (default: the newest), one transaction per version, so a
 * crash between two leaves a file at a version this code knows. Refuses a newer file.
 */
export function migrate(db: Database, nowMs: number, target = MIGRATIONS.length): void {
  const current = schemaVersion(db);
  if (current > MIGRATIONS.length) {
    throw new FaultlineError(
      `the SQLite store is at schema version ${current}, newer than this faultline knows (${MIGRATIONS.length}); upgrade faultline`,
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, applied_at_ms) VALUES (?, ?)');
  for (let version = current + 1; version <= target; version++) {
    const sql = MIGRATIONS[version - 1] ?? '';
    db.transaction(() => {
      db.exec(sql);
      record.run(version, nowMs);
    }).immediate();
  }
}
