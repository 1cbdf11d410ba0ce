// Contract: the feed read by time and type (an incident's breaker changes), oldest first.
import { describe, expect, it } from 'vitest';
import type { ContractContext } from './contract-context.js';

const T0 = Date.UTC(2026, 10, 22, 7, 0, 0);

/** Declares the tests of `feedBetween`. */
export function feedContract(ctx: ContractContext): void {
  describe('feed between two times', () => {
    it('gives the entries of one type in [from, to), oldest first, then by id, at most limit', async () => {
      const store = ctx.store();
      const add = (type: string, atMs: number, n: string): Promise<number> =>
        store.appendFeed({ type, atMs, data: `{"n":"${n}"}` });
      // Appended out of time order: a later append may carry an earlier time.
      await add('breaker.changed', T0 + 5_000, 'c');
      await add('breaker.changed', T0 - 1, 'before');
      await add('status.changed', T0 + 1_000, 'status');
      await add('breaker.changed', T0, 'a');
      await add('breaker.changed', T0 + 5_000, 'd');
      await add('breaker.changed', T0 + 2_000, 'b');
      await add('breaker.changed', T0 + 10_000, 'at-to');
      const read = async (limit: number): Promise<string[]> =>
        (await store.feedBetween(T0, T0 + 10_000, 'breaker.changed', limit)).map(
          (e) => (JSON.parse(e.data) as { n: string }).n,
        );
      expect(await read(100)).toEqual(['a', 'b', 'c', 'd']);
      expect(await read(3)).toEqual(['a', 'b', 'c']);
      expect(await read(0)).toEqual([]);
      const [first] = await store.feedBetween(T0, T0 + 1, 'breaker.changed', 10);
      expect(first).toMatchObject({ type: 'breaker.changed', atMs: T0, data: '{"n":"a"}' });
      expect(typeof first?.id).toBe('number');
      expect(await store.feedBetween(T0, T0 + 10_000, 'status.changed', 10)).toHaveLength(1);
      expect(await store.feedBetween(T0, T0 + 10_000, 'incident.opened', 10)).toEqual([]);
      // An open incident's window has no end: the largest safe integer stands for it.
      const open = await store.feedBetween(T0, Number.MAX_SAFE_INTEGER, 'breaker.changed', 10);
      expect(open.map((e) => e.atMs)).toEqual([
        T0,
        T0 + 2_000,
        T0 + 5_000,
        T0 + 5_000,
        T0 + 10_000,
      ]);
    });
  });
}
