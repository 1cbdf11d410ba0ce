// Late records, a failing store and a throwing tick: counted, retried, reported, never a crash.
import { describe, expect, it } from 'vitest';
import { generateScenario } from '@faultline/scenarios';
import { createLiveEngine } from '../../src/live/index.js';
import type { RecordRow, Store } from '../../src/store/port.js';
import { createMemoryStore } from '../../src/store/memory/index.js';
import { batchesOf, clockAt, commit, idleUntil, play, type Batch } from './stream.js';

const scenario = generateScenario('provider-overload', { seed: 2, durationMs: 12 * 60_000 });
const batches = batchesOf(scenario.records);

/** A memory store whose writes of incidents and snapshots fail while `down` is set. */
function flakyStore(): { store: Store; down: { on: boolean } } {
  const inner = createMemoryStore();
  const down = { on: false };
  const fail = (): Promise<never> => Promise.reject(new Error('store is down'));
  const store: Store = {
    ...inner,
    saveIncidentChange: (c, f) => (down.on ? fail() : inner.saveIncidentChange(c, f)),
    saveSnapshot: (s) => (down.on ? fail() : inner.saveSnapshot(s)),
    incident: (id) => (down.on ? fail() : inner.incident(id)),
  };
  return { store, down };
}

describe('late records', () => {
  it('counts records behind the watermark as late, keeps those within the grace in order', async () => {
    // 20 records come 40 s late (an app that buffered them), 20 others 1 s late (within the grace).
    const moved = batches.map((b) => ({ atMs: b.atMs, rows: [...b.rows] }));
    const lateRows: RecordRow[] = [];
    for (let i = 100; i < 120; i++) lateRows.push(moved[i]!.rows.shift()!);
    let within = 0;
    for (let i = 200; within < 20; i += 2) {
      const rows = moved[i]!.rows;
      const j = rows.findIndex((r) => r.tsMs % 1000 >= 500); // committed ≤ 1.65 s after its time
      if (j < 0) continue;
      moved[i + 1]!.rows.unshift(...rows.splice(j, 1));
      rows.reverse(); // and a batch out of order
      within++;
    }
    const lateAt = moved[119]!.atMs + 40_000;
    const k = moved.findIndex((b) => b.atMs > lateAt);
    moved.splice(k, 0, { atMs: lateAt, rows: lateRows });
    const stream: Batch[] = moved;
    const store = createMemoryStore();
    const clock = clockAt(moved[0]!.atMs - 1_000);
    const live = createLiveEngine({
      store,
      now: clock.now,
      snapshotEveryMs: 3_600_000,
      tickEveryMs: 3_600_000,
    });
    await live.start();
    await play(store, live, clock, stream);
    await idleUntil(live, clock, clock.nowMs + 5_000);
    expect(live.stats().late).toBe(20);
    expect(live.stats().held).toBe(0);
    expect((await store.recordsAfter(0, 1e9)).length).toBe(scenario.records.length);
    expect(live.incidents().length).toBeGreaterThan(0);
    await live.stop();
  });
});

describe('timer and store failures', () => {
  it('retries saves while the store is down and saves every event once it is back', async () => {
    const { store, down } = flakyStore();
    const errors: string[] = [];
    const clock = clockAt(batches[0]!.atMs);
    const live = createLiveEngine({
      store,
      now: clock.now,
      tickEveryMs: 5,
      snapshotEveryMs: 10,
      onError: (_e, what) => errors.push(what),
    });
    await live.start();
    down.on = true;
    for (const b of batches) {
      clock.nowMs = b.atMs;
      await commit(store, live, b);
    }
    clock.nowMs += 5_000;
    live.tick();
    await new Promise((r) => setTimeout(r, 150)); // real ticks of the unref'd timer, store down
    expect(live.incidents().length).toBeGreaterThan(0);
    expect(live.stats().saveFailures).toBeGreaterThan(0);
    expect(errors.some((w) => w.startsWith('saving the opened event'))).toBe(true);
    down.on = false;
    await live.flush();
    const ids = (await store.queryIncidents({ limit: 100 })).map((r) => r.id).sort();
    expect(ids).toEqual(
      live
        .incidents()
        .map((i) => i.id)
        .sort(),
    );
    await live.stop();
  });

  it('reports a tick that throws and keeps ticking', async () => {
    const errors: string[] = [];
    let broken = true;
    let calls = 0;
    const live = createLiveEngine({
      store: createMemoryStore(),
      now: () => {
        calls++;
        if (broken && calls > 3) throw new Error('clock broke');
        return 1_800_000_000_000;
      },
      tickEveryMs: 5,
      onError: (_e, what) => errors.push(what),
    });
    await live.start();
    await new Promise((r) => setTimeout(r, 60));
    expect(errors).toContain('ticking the engine');
    broken = false;
    const before = calls;
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toBeGreaterThan(before);
    await live.stop();
  });

  it('gives up on stop when the store stays down, and a restart makes the lost events again', async () => {
    const { store, down } = flakyStore();
    const clock = clockAt(batches[0]!.atMs);
    const opts = { store, now: clock.now, snapshotEveryMs: 3_600_000, tickEveryMs: 3_600_000 };
    const live = createLiveEngine(opts);
    await live.start();
    await live.flush();
    down.on = true;
    for (const b of batches) {
      clock.nowMs = b.atMs;
      await commit(store, live, b);
      live.tick();
    }
    const expected = live.incidents().map((i) => i.id);
    expect(expected.length).toBeGreaterThan(0);
    await live.stop(); // resolves: gave up, and kept the older snapshot
    down.on = false;
    const again = createLiveEngine(opts);
    await again.start();
    await again.flush();
    expect((await store.queryIncidents({ limit: 100 })).map((r) => r.id).sort()).toEqual(
      expected.sort(),
    );
    await again.stop();
  });
});
