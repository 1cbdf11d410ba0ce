// The store contract on the SQLite adapter, plus what only a file can show: reopening,
// migrations, and writes refused by a full disk, a held lock or a read-only file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { isStoreUnavailableError } from '../../src/store/port.js';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { storeContract } from './contract.js';
import { callRow, callRows } from './contract-rows.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshPath = (): string => join(dir, `store-${++n}.db`);
const T0 = Date.UTC(2026, 10, 22, 8, 0, 0);

let path = '';
storeContract('sqlite', () => openSqliteStore((path = freshPath()), { busyTimeoutMs: 20 }), {
  cleanup: () => Promise.resolve(rmSync(path, { force: true })),
  // Another connection holds the write lock, as a second process would.
  breakWrites: () => {
    const other = new Sqlite(path);
    other.exec('BEGIN IMMEDIATE');
    return Promise.resolve(() => {
      other.exec('ROLLBACK');
      other.close();
      return Promise.resolve();
    });
  },
});

const failure = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('the SQLite file', () => {
  it('keeps acknowledged records across a reopen, in WAL mode, and continues their sequences', async () => {
    const file = freshPath();
    const store = await openSqliteStore(file);
    await store.commitRecords({
      rows: callRows(T0, 3),
      idempotencyKey: 'k',
      response: '"r"',
      nowMs: T0,
    });
    await store.close();
    const again = await openStore(file);
    expect(again.kind).toBe('sqlite');
    expect(await again.lastSeq()).toBe(3);
    expect(
      await again.commitRecords({ rows: [], idempotencyKey: 'k', response: '"x"', nowMs: T0 }),
    ).toEqual({ kind: 'duplicate', response: '"r"' });
    expect(await again.commitRecords({ rows: [callRow(T0)], response: '{}', nowMs: T0 })).toEqual({
      kind: 'committed',
      firstSeq: 4,
    });
    await again.close();
    const raw = new Sqlite(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('migrates a file written by an older version and keeps its rows', async () => {
    const file = freshPath();
    const old = new Sqlite(file);
    migrate(old, T0, 1);
    old
      .prepare(
        "INSERT INTO records (ts_ms, kind, provider, model, source, layer, json) VALUES (?, 'call', 'openai', 'm', 'sdk', 'none', '{\"old\":true}')",
      )
      .run(T0);
    old.close();
    const store = await openSqliteStore(file);
    expect((await store.recordsAfter(0, 10)).map((r) => r.json)).toEqual(['{"old":true}']);
    expect(await store.claimDelivery('i', 'identified', 'slack')).toBe(true);
    await store.close();
    const raw = new Sqlite(file, { readonly: true });
    const versions = raw
      .prepare('SELECT version FROM schema_migrations ORDER BY version')
      .pluck()
      .all();
    raw.close();
    expect(versions).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('refuses a file from a newer version', async () => {
    const file = freshPath();
    const newer = new Sqlite(file);
    migrate(newer, T0);
    newer
      .prepare('INSERT INTO schema_migrations (version, applied_at_ms) VALUES (?, ?)')
      .run(MIGRATIONS.length + 1, T0);
    newer.close();
    await expect(openSqliteStore(file)).rejects.toThrow(/newer than this faultline knows/);
  });

  it('rejects a batch the disk has no room for as unavailable and keeps none of it', async () => {
    const db = new Sqlite(freshPath());
    migrate(db, T0);
    const store = createSqliteStore(db);
    await store.commitRecords({ rows: callRows(T0, 10), response: '{}', nowMs: T0 });
    // SQLITE_FULL once the file would outgrow its current pages plus a few (max_page_count).
    const pages = Number(db.pragma('page_count', { simple: true }));
    db.pragma(`max_page_count = ${pages + 4}`);
    const e = await failure(
      store.commitRecords({
        rows: callRows(T0 + 100, 2000),
        idempotencyKey: 'full',
        response: '"x"',
        nowMs: T0,
      }),
    );
    expect(isStoreUnavailableError(e)).toBe(true);
    expect(String((e as Error).cause)).toMatch(/full/i);
    expect(await store.recordsAfter(0, 5000)).toHaveLength(10);
    db.pragma('max_page_count = 1073741823');
    expect(
      (
        await store.commitRecords({
          rows: callRows(T0 + 100, 2000),
          idempotencyKey: 'full',
          response: '"y"',
          nowMs: T0,
        })
      ).kind,
    ).toBe('committed');
    expect(await store.recordsAfter(0, 5000)).toHaveLength(2010);
    await store.close();
  });

  it('rejects writes to a read-only file as unavailable, and every call once closed', async () => {
    const file = freshPath();
    await (await openSqliteStore(file)).close();
    const store = createSqliteStore(new Sqlite(file, { readonly: true }));
    const e = await failure(
      store.commitRecords({ rows: [callRow(T0)], response: '{}', nowMs: T0 }),
    );
    expect(isStoreUnavailableError(e)).toBe(true);
    expect(await store.lastSeq()).toBe(0);
    await store.close();
    expect(isStoreUnavailableError(await failure(store.lastSeq()))).toBe(true);
  });

  it('commits batches sent together in one group, each whole, with consecutive sequences and its own key', async () => {
    const store = await openSqliteStore(freshPath());
    const batches = Array.from({ length: 12 }, (_, i) => ({
      rows: callRows(T0 + i * 1000, 5),
      response: `{"n":${i}}`,
      nowMs: T0,
      idempotencyKey: i === 7 ? 'key-3' : `key-${i}`,
    }));
    const results = await Promise.all(batches.map((b) => store.commitRecords(b)));
    expect(results[7]).toEqual({ kind: 'duplicate', response: '{"n":3}' });
    const firsts = results.flatMap((r) => (r.kind === 'committed' ? [r.firstSeq] : []));
    expect(firsts).toEqual(Array.from({ length: 11 }, (_, i) => 1 + i * 5));
    expect(await store.lastSeq()).toBe(55);
    await store.close();
  });

  it('opens the memory store for ":memory:"', async () => {
    const store = await openStore(':memory:');
    expect(store.kind).toBe('memory');
    await store.close();
  });
});
