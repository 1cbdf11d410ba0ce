// The SQLite adapter's per-minute rollups and their cursor.
import type { Database } from 'better-sqlite3';
import type { RollupQuery, RollupRow } from '../port.js';
import { addRollups, fromStoredRollup, ROLLUP_COLUMNS, type StoredRollup } from '../rollup-row.js';

/** The rollup part of the port, synchronous. */
export interface SqliteRollups {
  rollupCursor(this: void): number;
  applyRollups(this: void, rows: readonly RollupRow[], fromSeq: number, toSeq: number): boolean;
  queryRollups(this: void, query: RollupQuery): RollupRow[];
  deleteRollupsBefore(this: void, beforeMs: number, limit: number): number;
}

/** Prepares the statements on `db`. */
export function sqliteRollups(db: Database): SqliteRollups {
  const cursor = db.prepare<[], { last_seq: number }>(
    'SELECT last_seq FROM rollup_cursor WHERE slot = 1',
  );
  const moveCursor = db.prepare<[number, number]>(
    'UPDATE rollup_cursor SET last_seq = ? WHERE slot = 1 AND last_seq = ?',
  );
  const one = db.prepare<[number, string, string], StoredRollup>(
    `SELECT ${ROLLUP_COLUMNS} FROM rollups WHERE minute_ms = ? AND provider = ? AND model = ?`,
  );
  const put = db.prepare(
    `INSERT OR REPLACE INTO rollups (${ROLLUP_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const range = db.prepare<
    [{ from: number; to: number; provider: string | null; model: string | null }],
    StoredRollup
  >(
    `SELECT ${ROLLUP_COLUMNS} FROM rollups WHERE minute_ms >= @from AND minute_ms < @to
       AND (@provider IS NULL OR provider = @provider) AND (@model IS NULL OR model = @model)
     ORDER BY minute_ms, provider, model`,
  );
  const remove = db.prepare<[number, number]>(
    `DELETE FROM rollups WHERE (minute_ms, provider, model) IN (
       SELECT minute_ms, provider, model FROM rollups WHERE minute_ms < ? ORDER BY minute_ms LIMIT ?)`,
  );
  const apply = db.transaction((rows: readonly RollupRow[], fromSeq: number, toSeq: number) => {
    if (moveCursor.run(toSeq, fromSeq).changes !== 1) return false;
    for (const r of rows) {
      const old = one.get(r.minuteMs, r.provider, r.model);
      const sum = old === undefined ? r : addRollups(fromStoredRollup(old), r);
      const f = sum.failures;
      put.run(
        sum.minuteMs,
        sum.provider,
        sum.model,
        sum.calls,
        sum.probeCalls,
        f.integration,
        f.network,
        f.provider,
        f.model,
        JSON.stringify(sum.latency),
      );
    }
    return true;
  });
  return {
    rollupCursor: () => cursor.get()?.last_seq ?? 0,
    applyRollups: (rows, fromSeq, toSeq) => apply.immediate(rows, fromSeq, toSeq),
    queryRollups: (q) =>
      range
        .all({ from: q.fromMs, to: q.toMs, provider: q.provider ?? null, model: q.model ?? null })
        .map(fromStoredRollup),
    deleteRollupsBefore: (beforeMs, limit) => remove.run(beforeMs, limit).changes,
  };
}
