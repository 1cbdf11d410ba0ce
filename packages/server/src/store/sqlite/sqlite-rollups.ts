// The SQLite adapter's per-minute rollups and their cursor.
import type { Database } from 'better-sqlite3';
import type { RollupQuery, RollupRow } from '../port.js';
import { addRollups, parseLatency } from '../rollup-row.js';

/** The rollup part of the port, synchronous. */
export interface SqliteRollups {
  rollupCursor(this: void): number;
  applyRollups(this: void, rows: readonly RollupRow[], fromSeq: number, toSeq: number): boolean;
  queryRollups(this: void, query: RollupQuery): RollupRow[];
  deleteRollupsBefore(this: void, beforeMs: number, limit: number): number;
}

interface Stored {
  minute_ms: number;
  provider: string;
  model: string;
  calls: number;
  probe_calls: number;
  f_integration: number;
  f_network: number;
  f_provider: number;
  f_model: number;
  latency: string;
}

const COLUMNS =
  'minute_ms, provider, model, calls, probe_calls, f_integration, f_network, f_provider, f_model, latency';

function fromStored(s: Stored): RollupRow {
  return {
    minuteMs: s.minute_ms,
    provider: s.provider,
    model: s.model,
    calls: s.calls,
    probeCalls: s.probe_calls,
    failures: {
      integration: s.f_integration,
      network: s.f_network,
      provider: s.f_provider,
      model: s.f_model,
    },
    latency: parseLatency(s.latency),
  };
}

/** Prepares the statements on `db`. */
export function sqliteRollups(db: Database): SqliteRollups {
  const cursor = db.prepare<[], { last_seq: number }>(
    'SELECT last_seq FROM rollup_cursor WHERE slot = 1',
  );
  const moveCursor = db.prepare<[number, number]>(
    'UPDATE rollup_cursor SET last_seq = ? WHERE slot = 1 AND last_seq = ?',
  );
  const one = db.prepare<[number, string, string], Stored>(
    `SELECT ${COLUMNS} FROM rollups WHERE minute_ms = ? AND provider = ? AND model = ?`,
  );
  const put = db.prepare(
    `INSERT OR REPLACE INTO rollups (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const range = db.prepare<
    [{ from: number; to: number; provider: string | null; model: string | null }],
    Stored
  >(
    `SELECT ${COLUMNS} FROM rollups WHERE minute_ms >= @from AND minute_ms < @to
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
      const sum = old === undefined ? r : addRollups(fromStored(old), r);
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
        .map(fromStored),
    deleteRollupsBefore: (beforeMs, limit) => remove.run(beforeMs, limit).changes,
  };
}
