/**
 * The yardsticks of the ingest benchmark: the same rows inserted by a plain loop through the same
 * driver into an equivalent `records` table, 1,000 rows per transaction, no HTTP, no parsing.
 */
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import type { RawRow } from './serve-records.js';

/** The SQLite table as the store's migration 1 makes it. */
const SQLITE_TABLE = `CREATE TABLE records (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  ts_ms INTEGER NOT NULL, kind TEXT NOT NULL, provider TEXT NOT NULL, model TEXT NOT NULL,
  source TEXT NOT NULL, layer TEXT NOT NULL, json TEXT NOT NULL);
CREATE INDEX records_ts ON records (ts_ms, seq);`;

/**
 * Records/s of better-sqlite3 inserting `batches` × `rows` with one prepared single-row INSERT,
 * one transaction per batch, in a new file in `dir` with the store's pragmas (WAL, synchronous=FULL).
 */
export function rawSqliteRate(dir: string, rows: readonly RawRow[], batches: number): number {
  const db = new Sqlite(join(dir, `raw-${Date.now()}.db`));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(SQLITE_TABLE);
    const insert = db.prepare(
      'INSERT INTO records (ts_ms, kind, provider, model, source, layer, json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const batch = db.transaction((rs: readonly RawRow[]) => {
      for (const r of rs)
        insert.run(r.tsMs, r.kind, r.provider, r.model, r.source, r.layer, r.json);
    });
    const t0 = performance.now();
    for (let b = 0; b < batches; b++) batch.immediate(rows);
    return (batches * rows.length) / ((performance.now() - t0) / 1000);
  } finally {
    db.close();
  }
}

/** The PostgreSQL table as the store's migration 1 makes it (seq given by the inserter). */
const PG_TABLE = `CREATE TABLE IF NOT EXISTS raw_records (
  seq bigserial PRIMARY KEY, ts_ms bigint NOT NULL, kind text NOT NULL, provider text NOT NULL,
  model text NOT NULL, source text NOT NULL, layer text NOT NULL, json text NOT NULL);
CREATE INDEX IF NOT EXISTS raw_records_kind_ts ON raw_records (kind, ts_ms, seq)`;

const PG_INSERT = `INSERT INTO raw_records (ts_ms, kind, provider, model, source, layer, json)
SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`;

/**
 * Records/s of pg inserting `batches` × `rows` on one connection, one `unnest` INSERT (its own
 * transaction) per batch, into a table like the store's in the database at `url`.
 */
export async function rawPgRate(
  url: string,
  rows: readonly RawRow[],
  batches: number,
): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(PG_TABLE);
    const t0 = performance.now();
    for (let b = 0; b < batches; b++) {
      await client.query(PG_INSERT, [
        rows.map((r) => r.tsMs),
        rows.map((r) => r.kind),
        rows.map((r) => r.provider),
        rows.map((r) => r.model),
        rows.map((r) => r.source),
        rows.map((r) => r.layer),
        rows.map((r) => r.json),
      ]);
    }
    return (batches * rows.length) / ((performance.now() - t0) / 1000);
  } finally {
    await client.end();
  }
}
