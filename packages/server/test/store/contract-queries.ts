// Contract: reading records back — filters, ts-then-seq order, cursors, seq resume, retention.
import { describe, expect, it } from 'vitest';
import type { RecordQuery, Store, StoredRecord } from '../../src/store/port.js';
import type { ContractContext } from './contract-context.js';
import { callRow, callRows, statusRow } from './contract-rows.js';

const T0 = Date.UTC(2026, 10, 22, 5, 0, 0);

/** Six calls and a status row, committed out of time order over two batches. */
async function seed(store: Store): Promise<void> {
  await store.commitRecords({
    rows: [
      callRow(T0 + 30, { provider: 'anthropic', model: 'claude', layer: 'provider' }),
      callRow(T0 + 10),
      callRow(T0 + 20, { source: 'probe' }),
      statusRow(T0 + 15),
    ],
    response: '{}',
    nowMs: T0,
  });
  await store.commitRecords({
    rows: [
      callRow(T0 + 10, { layer: 'network' }),
      callRow(T0),
      callRow(T0 + 40, { provider: 'anthropic', model: 'claude' }),
    ],
    response: '{}',
    nowMs: T0,
  });
}

const keyOf = (r: StoredRecord): string => `${r.tsMs - T0}/${r.provider}/${r.layer}/${r.source}`;

/** Pages through a query with `after`, `limit` rows at a time. */
async function pages(store: Store, query: RecordQuery): Promise<StoredRecord[][]> {
  const out: StoredRecord[][] = [];
  let after: RecordQuery['after'];
  for (;;) {
    const page = await store.queryRecords(after === undefined ? query : { ...query, after });
    if (page.length === 0) return out;
    out.push(page);
    const last = page[page.length - 1];
    if (last === undefined || out.length > 50) return out;
    after = { tsMs: last.tsMs, seq: last.seq };
  }
}

/** Declares the read tests. */
export function queriesContract(ctx: ContractContext): void {
  describe('reading records', () => {
    const all = { fromMs: T0, toMs: T0 + 1000, kind: 'call', limit: 100 } as const;

    it('lists records by ts, then by arrival, within [from, to) and of the kind asked', async () => {
      const store = ctx.store();
      await seed(store);
      const found = await store.queryRecords(all);
      expect(found.map(keyOf)).toEqual([
        '0/openai/none/sdk',
        '10/openai/none/sdk',
        '10/openai/network/sdk',
        '20/openai/none/probe',
        '30/anthropic/provider/sdk',
        '40/anthropic/none/sdk',
      ]);
      const window = await store.queryRecords({ ...all, fromMs: T0 + 10, toMs: T0 + 30 });
      expect(window.map((r) => r.tsMs - T0)).toEqual([10, 10, 20]);
      const status = await store.queryRecords({ ...all, kind: 'status' });
      expect(status.map((r) => [r.tsMs - T0, r.kind, r.model])).toEqual([[15, 'status', '']]);
    });

    it('filters by provider, model, layer and source together', async () => {
      const store = ctx.store();
      await seed(store);
      expect((await store.queryRecords({ ...all, provider: 'anthropic' })).map(keyOf)).toEqual([
        '30/anthropic/provider/sdk',
        '40/anthropic/none/sdk',
      ]);
      expect(
        (
          await store.queryRecords({
            ...all,
            provider: 'anthropic',
            layer: 'none',
            model: 'claude',
          })
        ).map(keyOf),
      ).toEqual(['40/anthropic/none/sdk']);
      expect((await store.queryRecords({ ...all, source: 'probe' })).map(keyOf)).toEqual([
        '20/openai/none/probe',
      ]);
      expect(await store.queryRecords({ ...all, model: 'nope' })).toEqual([]);
    });

    it('pages with limit and after through every record exactly once', async () => {
      const store = ctx.store();
      await seed(store);
      const whole = await store.queryRecords(all);
      const paged = await pages(store, { ...all, limit: 2 });
      expect(paged.map((p) => p.length)).toEqual([2, 2, 2]);
      expect(paged.flat()).toEqual(whole);
    });

    it('resumes by seq after a given one, in seq order, at most limit', async () => {
      const store = ctx.store();
      await seed(store);
      const bySeq = await store.recordsAfter(0, 100);
      expect(bySeq.map((r) => r.tsMs - T0)).toEqual([30, 10, 20, 15, 10, 0, 40]);
      const tail = await store.recordsAfter(bySeq[2]?.seq ?? -1, 3);
      expect(tail).toEqual(bySeq.slice(3, 6));
      expect(await store.recordsAfter(await store.lastSeq(), 10)).toEqual([]);
    });

    it('deletes the oldest records before a time, at most limit at a time', async () => {
      const store = ctx.store();
      await store.commitRecords({
        rows: [...callRows(T0 + 100, 3), ...callRows(T0, 4), statusRow(T0 + 2)],
        response: '{}',
        nowMs: T0,
      });
      expect(await store.deleteRecordsBefore(T0 + 100, 3)).toBe(3);
      const left = await store.recordsAfter(0, 100);
      expect(left.map((r) => r.tsMs - T0).sort((a, b) => a - b)).toEqual([2, 3, 100, 101, 102]);
      expect(await store.deleteRecordsBefore(T0 + 100, 10)).toBe(2);
      expect(await store.deleteRecordsBefore(T0 + 100, 10)).toBe(0);
      expect((await store.recordsAfter(0, 100)).map((r) => r.tsMs - T0)).toEqual([100, 101, 102]);
    });

    it('deletes only the records of one kind when asked', async () => {
      const store = ctx.store();
      await store.commitRecords({
        rows: [...callRows(T0, 2), statusRow(T0 + 1), statusRow(T0 + 500)],
        response: '{}',
        nowMs: T0,
      });
      expect(await store.deleteRecordsBefore(T0 + 1000, 10, 'call')).toBe(2);
      expect((await store.recordsAfter(0, 10)).map((r) => r.kind)).toEqual(['status', 'status']);
      expect(await store.deleteRecordsBefore(T0 + 100, 10, 'status')).toBe(1);
      expect((await store.recordsAfter(0, 10)).map((r) => r.tsMs - T0)).toEqual([500]);
    });

    it('never reuses a sequence after deleting', async () => {
      const store = ctx.store();
      await store.commitRecords({ rows: callRows(T0, 3), response: '{}', nowMs: T0 });
      const before = await store.lastSeq();
      expect(await store.deleteRecordsBefore(T0 + 1000, 100)).toBe(3);
      const after = await store.commitRecords({ rows: callRows(T0, 1), response: '{}', nowMs: T0 });
      if (after.kind !== 'committed') throw new Error('not committed');
      expect(after.firstSeq).toBeGreaterThan(before);
      expect(await store.lastSeq()).toBe(after.firstSeq);
    });
  });
}
