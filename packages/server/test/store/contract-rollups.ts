// Contract: per-minute rollups add up under a cursor that moves only from where it was read.
import { describe, expect, it } from 'vitest';
import type { RollupRow } from '../../src/store/port.js';
import { emptyLatency } from '../../src/store/rollup-row.js';
import type { ContractContext } from './contract-context.js';

const M0 = Date.UTC(2026, 10, 22, 7, 0, 0);

function row(minute: number, over: Partial<RollupRow> = {}): RollupRow {
  const latency = emptyLatency();
  latency[2] = 3;
  return {
    minuteMs: M0 + minute * 60_000,
    provider: 'anthropic',
    model: 'claude-opus-4-7',
    calls: 5,
    probeCalls: 1,
    failures: { integration: 0, network: 1, provider: 1, model: 0 },
    latency,
    ...over,
  };
}

/** Declares the tests of rollups. */
export function rollupsContract(ctx: ContractContext): void {
  describe('rollups', () => {
    it('starts with the cursor at 0 and no rows', async () => {
      const store = ctx.store();
      expect(await store.rollupCursor()).toBe(0);
      expect(await store.queryRollups({ fromMs: 0, toMs: M0 * 2 })).toEqual([]);
    });

    it('adds rows of the same minute and scope, keeps the others apart, and moves the cursor', async () => {
      const store = ctx.store();
      expect(await store.applyRollups([row(0), row(1)], 0, 10)).toBe(true);
      expect(
        await store.applyRollups(
          [row(0), row(0, { model: 'claude-haiku-4-5', calls: 1 }), row(0, { provider: 'z' })],
          10,
          25,
        ),
      ).toBe(true);
      expect(await store.rollupCursor()).toBe(25);
      const rows = await store.queryRollups({ fromMs: M0, toMs: M0 + 120_000 });
      expect(rows.map((r) => [r.minuteMs - M0, r.provider, r.model, r.calls])).toEqual([
        [0, 'anthropic', 'claude-haiku-4-5', 1],
        [0, 'anthropic', 'claude-opus-4-7', 10],
        [0, 'z', 'claude-opus-4-7', 5],
        [60_000, 'anthropic', 'claude-opus-4-7', 5],
      ]);
      const summed = rows[1];
      expect(summed?.probeCalls).toBe(2);
      expect(summed?.failures).toEqual({ integration: 0, network: 2, provider: 2, model: 0 });
      expect(summed?.latency[2]).toBe(6);
      expect(summed?.latency).toHaveLength(emptyLatency().length);
    });

    it('refuses a write from a stale cursor and changes nothing', async () => {
      const store = ctx.store();
      expect(await store.applyRollups([row(0)], 0, 10)).toBe(true);
      expect(await store.applyRollups([row(0)], 0, 20)).toBe(false);
      expect(await store.rollupCursor()).toBe(10);
      const [only] = await store.queryRollups({ fromMs: M0, toMs: M0 + 60_000 });
      expect(only?.calls).toBe(5);
    });

    it('filters by provider, model and a half-open range', async () => {
      const store = ctx.store();
      await store.applyRollups(
        [row(0), row(1, { provider: 'openai', model: 'gpt-5.1' }), row(2)],
        0,
        3,
      );
      const q = { fromMs: M0 + 60_000, toMs: M0 + 180_000 };
      expect((await store.queryRollups(q)).map((r) => r.provider)).toEqual(['openai', 'anthropic']);
      expect(await store.queryRollups({ ...q, provider: 'anthropic' })).toHaveLength(1);
      expect(await store.queryRollups({ ...q, model: 'gpt-5.1' })).toHaveLength(1);
      expect(await store.queryRollups({ fromMs: M0, toMs: M0 + 60_000 })).toHaveLength(1);
    });

    it('keeps provider and model names with quotes, wildcards and unicode as written', async () => {
      const store = ctx.store();
      const odd = ['o\'brien "ai"', '%', '_', 'p\\x', 'Ünïcode-供应商-😀', ' a '];
      await store.applyRollups(
        odd.map((provider, i) => row(0, { provider, model: `${provider}/m`, calls: i + 1 })),
        0,
        6,
      );
      const q = { fromMs: M0, toMs: M0 + 60_000 };
      expect((await store.queryRollups(q)).map((r) => r.provider).sort()).toEqual([...odd].sort());
      for (const [i, provider] of odd.entries()) {
        const only = await store.queryRollups({ ...q, provider });
        expect(only.map((r) => [r.provider, r.model, r.calls])).toEqual([
          [provider, `${provider}/m`, i + 1],
        ]);
        expect(await store.queryRollups({ ...q, model: `${provider}/m` })).toHaveLength(1);
      }
      expect(await store.queryRollups({ ...q, provider: 'a' })).toEqual([]);
    });

    it('deletes old minutes in batches of at most the limit', async () => {
      const store = ctx.store();
      await store.applyRollups(
        [0, 1, 2, 3, 4].map((m) => row(m)),
        0,
        5,
      );
      expect(await store.deleteRollupsBefore(M0 + 3 * 60_000, 2)).toBe(2);
      expect(await store.deleteRollupsBefore(M0 + 3 * 60_000, 2)).toBe(1);
      expect(await store.deleteRollupsBefore(M0 + 3 * 60_000, 2)).toBe(0);
      const left = await store.queryRollups({ fromMs: 0, toMs: M0 * 2 });
      expect(left.map((r) => (r.minuteMs - M0) / 60_000)).toEqual([3, 4]);
    });
  });
}
