// Gives a batch its consecutive seqs and inserts it in one statement, in commit order.
import type { RecordRow } from '../port.js';
import type { Sql } from './db.js';

/**
 * One round trip: bump the `records` counter and insert every row from column arrays. For
 * 1,000-row batches `unnest` measured ~1.4x a multi-row VALUES list; COPY was ~1.25x faster still
 * but needs pg-copy-streams or pg's undocumented Connection internals. The UPDATE takes the
 * counter row's lock and holds it to the end of the transaction, so a second committer waits,
 * then reads the first one's value (READ COMMITTED re-reads the updated row): seqs are handed out
 * in commit order, and a reader that has seen seq n never later sees a new row below n.
 */
const INSERT_BATCH = `
WITH c AS (
  UPDATE counters SET value = value + $1 WHERE name = 'records' RETURNING value - $1 AS base
), ins AS (
  INSERT INTO records (seq, ts_ms, kind, provider, model, source, layer, json)
  SELECT c.base + u.ord, u.ts_ms, u.kind, u.provider, u.model, u.source, u.layer, u.json
  FROM c, unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
    WITH ORDINALITY AS u(ts_ms, kind, provider, model, source, layer, json, ord)
)
SELECT base + 1 AS first FROM c`;

/** The next seq, for an empty batch (nothing is taken). */
const NEXT_SEQ = `SELECT value + 1 AS first FROM counters WHERE name = 'records'`;

/** Inserts `rows` with consecutive seqs; resolves to the first (the next free one if empty). */
export async function insertRows(sql: Sql, rows: readonly RecordRow[]): Promise<number> {
  if (rows.length === 0) return first(await sql.rows<{ first: number }>(NEXT_SEQ));
  const found = await sql.rows<{ first: number }>(INSERT_BATCH, [
    rows.length,
    rows.map((r) => r.tsMs),
    rows.map((r) => r.kind),
    rows.map((r) => r.provider),
    rows.map((r) => r.model),
    rows.map((r) => r.source),
    rows.map((r) => r.layer),
    rows.map((r) => r.json),
  ]);
  return first(found);
}

function first(rows: readonly { first: number }[]): number {
  const row = rows[0];
  if (row === undefined) throw new Error('the records counter row is missing (migration 1)');
  return row.first;
}
