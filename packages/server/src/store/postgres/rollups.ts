// The PostgreSQL adapter's per-minute rollups and their cursor.
import type { RollupRow, Store } from '../port.js';
import { addRollups, fromStoredRollup, ROLLUP_COLUMNS, type StoredRollup } from '../rollup-row.js';
import type { Db, Sql } from './db.js';

type RollupPart = Pick<
  Store,
  'rollupCursor' | 'applyRollups' | 'queryRollups' | 'deleteRollupsBefore'
>;

const keyOf = (minuteMs: number, provider: string, model: string): string =>
  JSON.stringify([minuteMs, provider, model]);

/** Sums `rows` into what is stored for their minutes and scopes, inside the caller's transaction. */
async function addAll(sql: Sql, rows: readonly RollupRow[]): Promise<void> {
  const old = await sql.rows<StoredRollup>(
    `SELECT ${ROLLUP_COLUMNS} FROM rollups
     WHERE (minute_ms, provider, model) IN (
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])) FOR UPDATE`,
    [rows.map((r) => r.minuteMs), rows.map((r) => r.provider), rows.map((r) => r.model)],
  );
  const sums = new Map<string, RollupRow>();
  for (const s of old) sums.set(keyOf(s.minute_ms, s.provider, s.model), fromStoredRollup(s));
  for (const r of rows) {
    const key = keyOf(r.minuteMs, r.provider, r.model);
    const prev = sums.get(key);
    sums.set(key, prev === undefined ? r : addRollups(prev, r));
  }
  const all = [...sums.values()];
  await sql.count(
    `INSERT INTO rollups (${ROLLUP_COLUMNS})
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::bigint[],
       $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[], $10::text[])
     ON CONFLICT (minute_ms, provider, model) DO UPDATE SET calls = EXCLUDED.calls,
       probe_calls = EXCLUDED.probe_calls, f_integration = EXCLUDED.f_integration,
       f_network = EXCLUDED.f_network, f_provider = EXCLUDED.f_provider,
       f_model = EXCLUDED.f_model, latency = EXCLUDED.latency`,
    [
      all.map((r) => r.minuteMs),
      all.map((r) => r.provider),
      all.map((r) => r.model),
      all.map((r) => r.calls),
      all.map((r) => r.probeCalls),
      all.map((r) => r.failures.integration),
      all.map((r) => r.failures.network),
      all.map((r) => r.failures.provider),
      all.map((r) => r.failures.model),
      all.map((r) => JSON.stringify(r.latency)),
    ],
  );
}

/** Rollups keyed by minute and scope; the cursor row moves only from where the writer read it. */
export function postgresRollups(db: Db): RollupPart {
  return {
    async rollupCursor() {
      const [row] = await db.rows<{ last_seq: number }>(
        'SELECT last_seq FROM rollup_cursor WHERE id = 1',
      );
      return row?.last_seq ?? 0;
    },
    applyRollups(rows, fromSeq, toSeq) {
      return db.tx(async (sql) => {
        // The row lock on the cursor serialises writers; a second one finds it moved and stops.
        const moved = await sql.count(
          'UPDATE rollup_cursor SET last_seq = $1 WHERE id = 1 AND last_seq = $2',
          [toSeq, fromSeq],
        );
        if (moved !== 1) return false;
        if (rows.length > 0) await addAll(sql, rows);
        return true;
      });
    },
    async queryRollups(q) {
      const rows = await db.rows<StoredRollup>(
        `SELECT ${ROLLUP_COLUMNS} FROM rollups WHERE minute_ms >= $1 AND minute_ms < $2
           AND ($3::text IS NULL OR provider = $3) AND ($4::text IS NULL OR model = $4)
         ORDER BY minute_ms, provider, model`,
        [q.fromMs, q.toMs, q.provider ?? null, q.model ?? null],
      );
      return rows.map(fromStoredRollup);
    },
    deleteRollupsBefore(beforeMs, limit) {
      return db.count(
        `DELETE FROM rollups WHERE (minute_ms, provider, model) IN (
           SELECT minute_ms, provider, model FROM rollups WHERE minute_ms < $1
           ORDER BY minute_ms LIMIT $2)`,
        [beforeMs, limit],
      );
    },
  };
}
