// Two rollup jobs on two PostgreSQL stores of one database (two replicas, a zombie leader) race
// while records keep being committed: every call is counted exactly once, and the counts equal
// those of one job on SQLite over the same records.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRollupJob } from '../../src/rollups/rollup-job.js';
import type { RecordRow, RollupRow, Store } from '../../src/store/port.js';
import { openPostgresStore } from '../../src/store/postgres/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { createTestDatabase, type TestDatabase } from '../store/pg-harness.js';

const M0 = Date.UTC(2026, 10, 22, 7, 0, 0);
const PROVIDERS = ['anthropic', 'o\'brien "ai"', 'p%_\\x', 'Ünïcode-供应商', 'B', 'a'];
const LAYERS = ['none', 'none', 'none', 'provider', 'network', 'model', 'integration'];

/** Batch `b` of 40 calls: spread over 20 minutes and the odd provider names, durations varied. */
function batch(b: number): RecordRow[] {
  return Array.from({ length: 40 }, (_, i) => {
    const n = b * 40 + i;
    const tsMs = M0 + ((n * 7919) % 1_200_000);
    return {
      tsMs,
      kind: n % 13 === 0 ? ('status' as const) : ('call' as const),
      provider: PROVIDERS[n % PROVIDERS.length]!,
      model: n % 2 === 0 ? 'm1' : 'm2',
      source: n % 5 === 0 ? 'probe' : 'sdk',
      layer: LAYERS[n % LAYERS.length]!,
      json: JSON.stringify({ ts: new Date(tsMs).toISOString(), duration_ms: (n * 37) % 70_000 }),
    };
  });
}

const noError = (e: unknown): void => {
  throw e;
};
const summary = (rows: readonly RollupRow[]) =>
  rows.map((r) => [r.minuteMs, r.provider, r.model, r.calls, r.probeCalls, r.failures, r.latency]);

let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'faultline-rollups-pg-'));
beforeAll(async () => {
  db = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('rollups on PostgreSQL', () => {
  it('count each call once with two jobs racing on two stores, as one job on SQLite does', async () => {
    const a = await openPostgresStore(db.url);
    const b = await openPostgresStore(db.url);
    const sqlite = await openSqliteStore(join(dir, 'r.db'));
    const stores: Store[] = [a, b, sqlite];
    try {
      const jobs = [a, b].map((store) => startRollupJob({ store, pageSize: 25, onError: noError }));
      let committed = 0;
      for (let i = 0; i < 30; i++) {
        const rows = batch(i);
        await Promise.all([
          (i % 2 === 0 ? a : b).commitRecords({ rows, response: '{}', nowMs: M0 }),
          sqlite.commitRecords({ rows, response: '{}', nowMs: M0 }),
          ...jobs.map((j) => j.catchUp()),
        ]);
        committed += rows.filter((r) => r.kind === 'call').length;
      }
      await Promise.all(jobs.map((j) => j.catchUp()));
      await Promise.all(jobs.map((j) => j.catchUp()));
      await Promise.all(jobs.map((j) => j.stop()));
      const one = startRollupJob({ store: sqlite, pageSize: 25, onError: noError });
      await one.catchUp();
      await one.stop();

      expect(await a.rollupCursor()).toBe(await a.lastSeq());
      const q = { fromMs: M0, toMs: M0 + 1_200_000 };
      const pgRows = await a.queryRollups(q);
      expect(pgRows.reduce((n, r) => n + r.calls, 0)).toBe(committed);
      expect(summary(await b.queryRollups(q))).toEqual(summary(pgRows));
      expect(summary(await sqlite.queryRollups(q))).toEqual(summary(pgRows));
      for (const provider of PROVIDERS) {
        const only = await a.queryRollups({ ...q, provider });
        expect(only.length).toBeGreaterThan(0);
        expect(only.every((r) => r.provider === provider)).toBe(true);
        expect(summary(await sqlite.queryRollups({ ...q, provider }))).toEqual(summary(only));
      }
    } finally {
      for (const s of stores) await s.close();
    }
  }, 60_000);
});
