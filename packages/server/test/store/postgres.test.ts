// The store contract and PostgreSQL-only behaviour (migrations, commit order, outages) on a real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { isStoreUnavailableError, type Store } from '../../src/store/port.js';
import { openPostgresStore } from '../../src/store/postgres/index.js';
import { MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { storeContract } from './contract.js';
import { callRows } from './contract-rows.js';
import { createTestDatabase, startPgProxy, type PgProxy, type TestDatabase } from './pg-harness.js';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

let proxy: PgProxy;
let contractDb: TestDatabase;
beforeAll(async () => {
  proxy = await startPgProxy();
  contractDb = await createTestDatabase();
});
afterAll(async () => {
  await proxy.close();
  await contractDb.drop();
});

// Each contract test gets a fresh schema, reached through the proxy so a test can cut it.
storeContract('postgres', async () => openPostgresStore(await contractDb.freshSchema(proxy.port)), {
  breakWrites: async () => {
    await proxy.cut();
    return () => proxy.restore();
  },
});

/** Runs `work` on a fresh database, closing the stores it opened and dropping it after. */
async function withDatabase(work: (db: TestDatabase, open: () => Promise<Store>) => Promise<void>) {
  const db = await createTestDatabase();
  const stores: Store[] = [];
  const open = async (): Promise<Store> => {
    const store = await openPostgresStore(db.url);
    stores.push(store);
    return store;
  };
  try {
    await work(db, open);
  } finally {
    await Promise.all(stores.map((s) => s.close()));
    await db.drop();
  }
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('postgres store', () => {
  it('migrates a fresh database once when several replicas open it at the same moment', () =>
    withDatabase(async (db, open) => {
      const stores = await Promise.all([open(), open(), open()]);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query('SELECT version FROM schema_migrations ORDER BY version');
      await client.end();
      expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
      expect(rows.length).toBeGreaterThanOrEqual(2);
      for (const store of stores) await store.ping();
    }));

  it('lets a reader following recordsAfter see every record of concurrent writers, none skipped', () =>
    withDatabase(async (_db, open) => {
      const writers = await Promise.all([open(), open(), open(), open()]);
      const reader = await open();
      let writing = true;
      const seen: number[] = [];
      const follow = async (): Promise<void> => {
        for (;;) {
          // Read before the query starts: a query begun after the last commit sees everything.
          const writersDone = !writing;
          const page = await reader.recordsAfter(seen.at(-1) ?? 0, 10_000);
          seen.push(...page.map((r) => r.seq));
          if (writersDone && page.length === 0) return;
        }
      };
      const following = follow();
      const results = await Promise.all(
        writers.map(async (w, i) => {
          const firsts: number[] = [];
          for (let b = 0; b < 15; b++) {
            const r = await w.commitRecords({
              rows: callRows(T0 + i * 1e6 + b * 100, 40),
              response: '{}',
              nowMs: T0,
            });
            if (r.kind === 'committed') firsts.push(r.firstSeq);
          }
          return firsts;
        }),
      );
      writing = false;
      await following;
      // Had a later seq become visible before an earlier one, the reader would have moved past it.
      expect(seen).toEqual(Array.from({ length: 4 * 15 * 40 }, (_, i) => i + 1));
      const firsts = results.flat().sort((a, b) => a - b);
      expect(firsts).toEqual(Array.from({ length: 60 }, (_, i) => 1 + i * 40));
    }));

  it('stores a batch sent under one key by two replicas at once exactly once', () =>
    withDatabase(async (_db, open) => {
      const [a, b] = await Promise.all([open(), open()]);
      if (a === undefined || b === undefined) throw new Error('not opened');
      const send = (s: Store, n: number) =>
        s.commitRecords({
          rows: callRows(T0, 5),
          idempotencyKey: 'k',
          response: `${n}`,
          nowMs: T0,
        });
      const results = await Promise.all([send(a, 1), send(b, 2), send(a, 3), send(b, 4)]);
      const committed = results.filter((r) => r.kind === 'committed');
      expect(committed).toHaveLength(1);
      const responses = new Set(results.map((r) => (r.kind === 'duplicate' ? r.response : '')));
      expect(responses.size).toBe(2); // '' for the commit, one first response for all the rest
      expect(await a.recordsAfter(0, 100)).toHaveLength(5);
    }));

  it('carries on after the server drops every connection (a restart)', () =>
    withDatabase(async (db, open) => {
      const store = await open();
      await store.commitRecords({ rows: callRows(T0, 3), response: '{}', nowMs: T0 });
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rowCount } = await client.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [db.name],
      );
      await client.end();
      expect(rowCount).toBeGreaterThan(0);
      // The killed idle connection may fail one call as unavailable; the next must succeed.
      const first = await rejection(store.ping());
      if (first !== undefined) expect(isStoreUnavailableError(first)).toBe(true);
      const r = await store.commitRecords({ rows: callRows(T0, 2), response: '{}', nowMs: T0 });
      expect(r).toEqual({ kind: 'committed', firstSeq: 4 });
    }));

  it('rejects with StoreUnavailableError while PostgreSQL is unreachable and recovers after', async () => {
    const db = await createTestDatabase();
    const store = await openPostgresStore(proxy.url(db.name));
    try {
      await store.commitRecords({ rows: callRows(T0, 2), response: '{}', nowMs: T0 });
      await proxy.cut();
      const errors = await Promise.all([
        rejection(store.commitRecords({ rows: callRows(T0, 2), response: '{}', nowMs: T0 })),
        rejection(store.ping()),
        rejection(store.recordsAfter(0, 10)),
        rejection(store.listTokens()),
      ]);
      for (const e of errors) expect(isStoreUnavailableError(e)).toBe(true);
      await proxy.restore();
      const r = await store.commitRecords({ rows: callRows(T0, 1), response: '{}', nowMs: T0 });
      expect(r).toEqual({ kind: 'committed', firstSeq: 3 });
    } finally {
      await proxy.restore().catch(() => undefined);
      await store.close();
      await db.drop();
    }
  });

  it('fails to open with StoreUnavailableError when nothing answers', async () => {
    const db = await createTestDatabase();
    try {
      await proxy.cut();
      const e = await rejection(openPostgresStore(proxy.url(db.name)));
      expect(isStoreUnavailableError(e)).toBe(true);
    } finally {
      await proxy.restore();
      await db.drop();
    }
  });
});
