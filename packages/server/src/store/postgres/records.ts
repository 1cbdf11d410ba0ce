// The PostgreSQL adapter's records and idempotency keys.
import {
  IDEMPOTENCY_KEY_TTL_MS,
  type CommitResult,
  type RecordBatch,
  type RecordQuery,
  type Store,
  type StoredRecord,
} from '../port.js';
import type { Db, Sql } from './db.js';
import { insertRows } from './insert-rows.js';

type RecordsPart = Pick<
  Store,
  'commitRecords' | 'queryRecords' | 'recordsAfter' | 'lastSeq' | 'deleteRecordsBefore'
>;

const COLUMNS = `seq, ts_ms AS "tsMs", kind, provider, model, source, layer, json`;

/**
 * Claims the key for this batch: inserted, or replaced when the one stored expired. A live key
 * returns no row. A concurrent commit of the same key waits on the key's index entry until the
 * first one ends, so only one of them ever stores its rows.
 */
const CLAIM_KEY = `
INSERT INTO idempotency_keys (key, response, created_at_ms) VALUES ($1, $2, $3)
ON CONFLICT (key) DO UPDATE SET response = EXCLUDED.response, created_at_ms = EXCLUDED.created_at_ms
  WHERE idempotency_keys.created_at_ms <= $4
RETURNING 1 AS claimed`;

/** Expired keys go in bounded batches so a purge never holds ingest up for long. */
const PURGE_KEYS = `
DELETE FROM idempotency_keys WHERE key IN (
  SELECT key FROM idempotency_keys WHERE created_at_ms <= $1 LIMIT 1000)`;

async function commitWithKey(sql: Sql, batch: RecordBatch, key: string): Promise<CommitResult> {
  const expiredAtOrBefore = batch.nowMs - IDEMPOTENCY_KEY_TTL_MS;
  const claimed = await sql.rows(CLAIM_KEY, [key, batch.response, batch.nowMs, expiredAtOrBefore]);
  if (claimed.length === 0) {
    const [seen] = await sql.rows<{ response: string }>(
      'SELECT response FROM idempotency_keys WHERE key = $1',
      [key],
    );
    if (seen === undefined) throw new Error('an idempotency key vanished inside its transaction');
    return { kind: 'duplicate', response: seen.response };
  }
  return { kind: 'committed', firstSeq: await insertRows(sql, batch.rows) };
}

function recordFilter(q: RecordQuery): { where: string; values: unknown[] } {
  const values: unknown[] = [q.kind, q.fromMs, q.toMs];
  const where = ['kind = $1', 'ts_ms >= $2', 'ts_ms < $3'];
  const optional = [
    ['provider', q.provider],
    ['model', q.model],
    ['layer', q.layer],
    ['source', q.source],
  ] as const;
  for (const [column, value] of optional) {
    if (value === undefined) continue;
    values.push(value);
    where.push(`${column} = $${values.length}`);
  }
  if (q.after !== undefined) {
    values.push(q.after.tsMs, q.after.seq);
    where.push(`(ts_ms, seq) > ($${values.length - 1}, $${values.length})`);
  }
  return { where: where.join(' AND '), values };
}

/** Records in `records`, seqs from the `counters` row, keys in `idempotency_keys`. */
export function postgresRecords(db: Db): RecordsPart {
  let purgedAtMs = -Infinity;
  return {
    async commitRecords(batch) {
      // Forget expired keys at most once a minute of batch time, so the table stays bounded.
      if (batch.nowMs - purgedAtMs >= 60_000) {
        purgedAtMs = batch.nowMs;
        await db.count(PURGE_KEYS, [batch.nowMs - IDEMPOTENCY_KEY_TTL_MS]);
      }
      const key = batch.idempotencyKey;
      if (key === undefined) {
        return { kind: 'committed', firstSeq: await insertRows(db, batch.rows) };
      }
      return db.tx((sql) => commitWithKey(sql, batch, key));
    },
    async queryRecords(query) {
      const { where, values } = recordFilter(query);
      values.push(Math.max(0, query.limit));
      return db.rows<StoredRecord>(
        `SELECT ${COLUMNS} FROM records WHERE ${where} ORDER BY ts_ms, seq LIMIT $${values.length}`,
        values,
      );
    },
    recordsAfter(afterSeq, limit) {
      return db.rows<StoredRecord>(
        `SELECT ${COLUMNS} FROM records WHERE seq > $1 ORDER BY seq LIMIT $2`,
        [afterSeq, Math.max(0, limit)],
      );
    },
    async lastSeq() {
      const [row] = await db.rows<{ seq: number }>(
        'SELECT coalesce(max(seq), 0) AS seq FROM records',
      );
      return row?.seq ?? 0;
    },
    deleteRecordsBefore(beforeMs, limit, kind) {
      // `kind IN (...)` lets the (kind, ts_ms, seq) index find the oldest rows.
      return db.count(
        `DELETE FROM records WHERE seq IN (
           SELECT seq FROM records WHERE kind = ANY($3::text[]) AND ts_ms < $1
           ORDER BY ts_ms, seq LIMIT $2)`,
        [beforeMs, Math.max(0, limit), kind === undefined ? ['call', 'status'] : [kind]],
      );
    },
  };
}
