// Contract: committing record batches — sequences, byte-exact JSON, idempotency keys, failed writes.
import { describe, expect, it } from 'vitest';
import { IDEMPOTENCY_KEY_TTL_MS, isStoreUnavailableError } from '../../src/store/port.js';
import type { ContractContext } from './contract-context.js';
import { queriesContract } from './contract-queries.js';
import { AWKWARD_JSON, callRow, callRows, statusRow } from './contract-rows.js';

const T0 = Date.UTC(2026, 10, 22, 4, 0, 0);

/** Declares the record tests (commits here, reads in contract-queries.ts). */
export function recordsContract(ctx: ContractContext): void {
  describe('records', () => {
    it('gives a batch consecutive sequences in row order and the next batch later ones', async () => {
      const store = ctx.store();
      expect(await store.lastSeq()).toBe(0);
      const first = await store.commitRecords({ rows: callRows(T0, 3), response: '{}', nowMs: T0 });
      const second = await store.commitRecords({
        rows: callRows(T0 - 50, 2),
        response: '{}',
        nowMs: T0,
      });
      if (first.kind !== 'committed' || second.kind !== 'committed')
        throw new Error('not committed');
      expect(first.firstSeq).toBeGreaterThan(0);
      expect(second.firstSeq).toBeGreaterThanOrEqual(first.firstSeq + 3);
      expect(await store.lastSeq()).toBe(second.firstSeq + 1);
      const all = await store.recordsAfter(0, 100);
      expect(all.map((r) => r.seq)).toEqual(
        [0, 1, 2].map((i) => first.firstSeq + i).concat([second.firstSeq, second.firstSeq + 1]),
      );
      expect(all.map((r) => r.tsMs)).toEqual([T0, T0 + 1, T0 + 2, T0 - 50, T0 - 49]);
    });

    it('answers an empty batch with the next free sequence and stores nothing', async () => {
      const store = ctx.store();
      const empty = await store.commitRecords({ rows: [], response: '{}', nowMs: T0 });
      const next = await store.commitRecords({ rows: [callRow(T0)], response: '{}', nowMs: T0 });
      if (empty.kind !== 'committed' || next.kind !== 'committed') throw new Error('not committed');
      expect(next.firstSeq).toBeGreaterThanOrEqual(empty.firstSeq);
      expect(await store.recordsAfter(0, 10)).toHaveLength(1);
    });

    it('returns each record byte for byte with its columns, unknown fields and unicode kept', async () => {
      const store = ctx.store();
      const rows = [
        {
          ...callRow(T0, { provider: 'anthropic', layer: 'provider', source: 'probe' }),
          json: AWKWARD_JSON,
        },
        statusRow(T0 + 1),
      ];
      await store.commitRecords({ rows, response: '{}', nowMs: T0 });
      const [a, b] = await store.recordsAfter(0, 10);
      expect(a).toMatchObject(rows[0] ?? {});
      expect(a?.json).toBe(AWKWARD_JSON);
      expect(b).toMatchObject(rows[1] ?? {});
      const byQuery = await store.queryRecords({
        fromMs: T0,
        toMs: T0 + 1,
        kind: 'call',
        limit: 10,
      });
      expect(byQuery.map((r) => r.json)).toEqual([AWKWARD_JSON]);
    });

    it('keeps concurrent batches whole, each on consecutive sequences, in commit order', async () => {
      const store = ctx.store();
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, b) =>
          store.commitRecords({ rows: callRows(T0 + b * 1000, 25), response: '{}', nowMs: T0 }),
        ),
      );
      const all = await store.recordsAfter(0, 1000);
      expect(all).toHaveLength(200);
      for (let i = 1; i < all.length; i++)
        expect(all[i]?.seq).toBeGreaterThan(all[i - 1]?.seq ?? Infinity);
      results.forEach((result, b) => {
        if (result.kind !== 'committed') throw new Error('not committed');
        const mine = all.filter((r) => r.tsMs >= T0 + b * 1000 && r.tsMs < T0 + b * 1000 + 25);
        expect(mine.map((r) => r.seq)).toEqual(
          Array.from({ length: 25 }, (_, i) => result.firstSeq + i),
        );
      });
    });

    idempotencyContract(ctx);
    failedWritesContract(ctx);
    queriesContract(ctx);
  });
}

function idempotencyContract(ctx: ContractContext): void {
  it('answers a resent key with the first response and stores nothing, whatever the new rows', async () => {
    const store = ctx.store();
    const first = await store.commitRecords({
      rows: callRows(T0, 2),
      idempotencyKey: 'k-1',
      response: '{"accepted":2}',
      nowMs: T0,
    });
    expect(first.kind).toBe('committed');
    const again = await store.commitRecords({
      rows: callRows(T0 + 10, 5),
      idempotencyKey: 'k-1',
      response: '{"accepted":5}',
      nowMs: T0 + 1000,
    });
    expect(again).toEqual({ kind: 'duplicate', response: '{"accepted":2}' });
    expect(await store.recordsAfter(0, 100)).toHaveLength(2);
    const other = await store.commitRecords({
      rows: callRows(T0, 1),
      idempotencyKey: 'k-2',
      response: '{"accepted":1}',
      nowMs: T0,
    });
    expect(other.kind).toBe('committed');
    expect(await store.recordsAfter(0, 100)).toHaveLength(3);
  });

  it('forgets a key 24 hours after its batch arrived', async () => {
    const store = ctx.store();
    const batch = { rows: [callRow(T0)], idempotencyKey: 'daily', nowMs: T0 };
    await store.commitRecords({ ...batch, response: '"first"' });
    const late = await store.commitRecords({
      ...batch,
      response: '"x"',
      nowMs: T0 + IDEMPOTENCY_KEY_TTL_MS - 1,
    });
    expect(late).toEqual({ kind: 'duplicate', response: '"first"' });
    const expired = await store.commitRecords({
      ...batch,
      response: '"second"',
      nowMs: T0 + IDEMPOTENCY_KEY_TTL_MS,
    });
    expect(expired.kind).toBe('committed');
    const resent = await store.commitRecords({
      ...batch,
      response: '"x"',
      nowMs: T0 + IDEMPOTENCY_KEY_TTL_MS + 5,
    });
    expect(resent).toEqual({ kind: 'duplicate', response: '"second"' });
    expect(await store.recordsAfter(0, 10)).toHaveLength(2);
  });

  it('stores a key sent twice at once exactly once', async () => {
    const store = ctx.store();
    const send = (n: number) =>
      store.commitRecords({
        rows: callRows(T0, 3),
        idempotencyKey: 'race',
        response: `{"n":${n}}`,
        nowMs: T0,
      });
    const results = await Promise.all([send(1), send(2), send(3)]);
    expect(results.filter((r) => r.kind === 'committed')).toHaveLength(1);
    expect(await store.recordsAfter(0, 100)).toHaveLength(3);
  });
}

function failedWritesContract(ctx: ContractContext): void {
  const { breakWrites } = ctx.options;
  it.skipIf(breakWrites === undefined)(
    'rejects a write it cannot make with StoreUnavailableError and keeps nothing of it',
    async () => {
      const store = ctx.store();
      await store.commitRecords({ rows: callRows(T0, 2), response: '{}', nowMs: T0 });
      const restore = await (breakWrites ?? (() => Promise.reject(new Error('skipped'))))(store);
      const failed = await store
        .commitRecords({
          rows: callRows(T0 + 10, 500),
          idempotencyKey: 'lost',
          response: '"lost"',
          nowMs: T0,
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      await restore();
      expect(isStoreUnavailableError(failed)).toBe(true);
      expect(await store.recordsAfter(0, 1000)).toHaveLength(2);
      const resent = await store.commitRecords({
        rows: callRows(T0 + 10, 500),
        idempotencyKey: 'lost',
        response: '"kept"',
        nowMs: T0,
      });
      expect(resent.kind).toBe('committed');
      expect(await store.recordsAfter(0, 1000)).toHaveLength(502);
    },
  );
}
