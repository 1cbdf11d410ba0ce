// restoreHeld reads a snapshot's held records back from the store by seq, in the saved order.
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory/index.js';
import type { RecordRow, StoredRecord } from '../store/port.js';
import { restoreHeld } from './held-records.js';
import { createLiveEngine } from './live-engine.js';

const row = (tsMs: number): RecordRow => ({
  tsMs,
  kind: 'call',
  provider: 'openai',
  model: 'gpt-5.1',
  source: 'sdk',
  layer: 'none',
  json: JSON.stringify({ ts: new Date(tsMs).toISOString(), provider: 'openai', model: 'gpt-5.1' }),
});

async function storeOf(count: number) {
  const store = createMemoryStore();
  const rows = Array.from({ length: count }, (_, i) => row(1_000 + i));
  await store.commitRecords({ rows, response: '{}', nowMs: 0 });
  return store;
}

describe('restoreHeld', () => {
  it('reads seqs back across pages and keeps records saved whole, in the saved order', async () => {
    const store = await storeOf(9);
    const whole: StoredRecord = { ...row(5), seq: 1 };
    const held = await restoreHeld(store, [7, whole, 3, 8], 2);
    expect(held.map((r) => [r.seq, r.tsMs])).toEqual([
      [7, 1_006],
      [1, 5],
      [3, 1_002],
      [8, 1_007],
    ]);
    expect(held[0]?.json).toContain('"gpt-5.1"');
  });

  it('skips seqs the store no longer has and reads nothing when every record was saved whole', async () => {
    const store = await storeOf(3);
    expect((await restoreHeld(store, [2, 40], 10)).map((r) => r.seq)).toEqual([2]);
    const whole: StoredRecord = { ...row(9), seq: 77 };
    expect(await restoreHeld(store, [whole], 10)).toEqual([whole]);
    expect(await restoreHeld(store, [], 10)).toEqual([]);
  });

  it('saves held records by seq, so a restart holds the same records again', async () => {
    const store = createMemoryStore();
    let nowMs = 100_000;
    const now = (): number => nowMs;
    const first = createLiveEngine({ store, now, snapshotEveryMs: 3_600_000 });
    await first.start();
    // Records within the 2 s grace of the wall clock wait in the reorder buffer.
    const rows = Array.from({ length: 50 }, (_, i) => row(nowMs - 1_000 + i * 10));
    const result = await store.commitRecords({ rows, response: '{}', nowMs });
    if (result.kind !== 'committed') throw new Error('the batch did not commit');
    const { firstSeq } = result;
    first.accept(rows.map((r, i) => ({ ...r, seq: firstSeq + i })));
    expect(first.stats().held).toBe(50);
    await first.stop();
    const snapshot = await store.loadSnapshot();
    const saved = JSON.parse(snapshot?.json ?? '{}') as { feed?: { held: unknown[] } };
    expect(saved.feed?.held).toEqual(rows.map((_, i) => firstSeq + i));

    const second = createLiveEngine({ store, now, snapshotEveryMs: 3_600_000 });
    await second.start();
    expect(second.stats().held).toBe(50);
    nowMs += 5_000;
    second.tick();
    expect(second.stats()).toMatchObject({ held: 0, late: 0, lastSeq: firstSeq + 49 });
    await second.stop();
  });
});
