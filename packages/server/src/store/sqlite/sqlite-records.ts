// The SQLite adapter's records and idempotency keys: one immediate transaction per batch.
import type { Database } from 'better-sqlite3';
import {
  IDEMPOTENCY_KEY_TTL_MS,
  type CommitResult,
  type RecordBatch,
  type RecordQuery,
  type StoredRecord,
} from '../port.js';
import { insertRecords } from './insert-records.js';
import { recordQuerySql } from './record-query-sql.js';
import { statementCache } from './statement-cache.js';

/** The records part of the port, synchronous: the store wraps each call into a promise. */
export interface SqliteRecords {
  commitRecords(this: void, batch: RecordBatch): CommitResult;
  /** The same, as a savepoint inside a transaction already open (a group commit). */
  commitInGroup(this: void, batch: RecordBatch): CommitResult;
  queryRecords(this: void, query: RecordQuery): StoredRecord[];
  recordsAfter(this: void, afterSeq: number, limit: number): StoredRecord[];
  lastSeq(this: void): number;
  deleteRecordsBefore(
    this: void,
    beforeMs: number,
    limit: number,
    kind?: 'call' | 'status',
  ): number;
}

const COLUMNS = 'seq, ts_ms AS tsMs, kind, provider, model, source, layer, json';

/** Prepares the records statements once on `db` (migrated to the newest version). */
export function sqliteRecords(db: Database): SqliteRecords {
  const insert = insertRecords(db);
  const nextSeq = db.prepare<[], { next: number }>(
    "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'records'), 0) + 1 AS next",
  );
  const findKey = db.prepare<[string], { response: string; atMs: number }>(
    'SELECT response, at_ms AS atMs FROM idempotency_keys WHERE key = ?',
  );
  const putKey = db.prepare(
    'INSERT OR REPLACE INTO idempotency_keys (key, response, at_ms) VALUES (?, ?, ?)',
  );
  const purgeKeys = db.prepare('DELETE FROM idempotency_keys WHERE at_ms <= ?');
  const after = db.prepare<[number, number], StoredRecord>(
    `SELECT ${COLUMNS} FROM records WHERE seq > ? ORDER BY seq LIMIT ?`,
  );
  const last = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM records');
  const deleteBefore = db.prepare(
    'DELETE FROM records WHERE seq IN (SELECT seq FROM records WHERE ts_ms < ? ORDER BY ts_ms, seq LIMIT ?)',
  );
  const deleteKindBefore = db.prepare(
    'DELETE FROM records WHERE seq IN (SELECT seq FROM records WHERE kind = ? AND ts_ms < ? ORDER BY ts_ms, seq LIMIT ?)',
  );
  const prepared = statementCache<StoredRecord>(db);
  let purgedAtMs = -Infinity;

  const commit = db.transaction((batch: RecordBatch): CommitResult => {
    const key = batch.idempotencyKey;
    if (key !== undefined) {
      const seen = findKey.get(key);
      if (seen !== undefined && batch.nowMs - seen.atMs < IDEMPOTENCY_KEY_TTL_MS) {
        return { kind: 'duplicate', response: seen.response };
      }
      putKey.run(key, batch.response, batch.nowMs);
    }
    // Keys are forgotten at most once a minute of batch time: the delete walks an index.
    if (batch.nowMs - purgedAtMs >= 60_000) {
      purgeKeys.run(batch.nowMs - IDEMPOTENCY_KEY_TTL_MS);
      purgedAtMs = batch.nowMs;
    }
    // One writer at a time (BEGIN IMMEDIATE), so the rows take the next sequences in order.
    const firstSeq = nextSeq.get()?.next ?? 1;
    insert(batch.rows);
    return { kind: 'committed', firstSeq };
  });

  return {
    commitRecords: (batch) => commit.immediate(batch),
    commitInGroup: (batch) => commit(batch),
    queryRecords(query) {
      const { sql, params } = recordQuerySql(query, COLUMNS);
      return prepared(sql).all(...params);
    },
    recordsAfter: (afterSeq, limit) => after.all(afterSeq, Math.max(0, limit)),
    lastSeq: () => last.get()?.seq ?? 0,
    deleteRecordsBefore: (beforeMs, limit, kind) =>
      kind === undefined
        ? deleteBefore.run(beforeMs, Math.max(0, limit)).changes
        : deleteKindBefore.run(kind, beforeMs, Math.max(0, limit)).changes,
  };
}
