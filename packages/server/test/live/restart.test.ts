// A restart resumes from the last snapshot plus the records committed after it: nothing lost, nothing twice.
import { describe, expect, it } from 'vitest';
import { toDocumentIncident } from '@faultline/core';
import { generateScenario } from '@faultline/scenarios';
import { createLiveEngine, type LiveEngine } from '../../src/live/index.js';
import type { Store } from '../../src/store/port.js';
import { createMemoryStore } from '../../src/store/memory/index.js';
import { batchesOf, clockAt, idleUntil, play, type Batch, type Clock } from './stream.js';

const scenario = generateScenario('flapping-recovery', { seed: 5, durationMs: 16 * 60_000 });
const batches = batchesOf(scenario.records);
const endMs = batches.at(-1)!.atMs + 200_000; // past the last resolution

function startLive(store: Store, clock: Clock): LiveEngine {
  return createLiveEngine({
    store,
    now: clock.now,
    snapshotEveryMs: 10_000,
    tickEveryMs: 3_600_000,
  });
}

/** What the store and feed hold at the end: incidents, each one's events, the feed's entries. */
async function outcome(store: Store, live: LiveEngine) {
  const rows = await store.queryIncidents({ limit: 500 });
  const events = await Promise.all(
    rows.map(async (r) => [r.id, (await store.incident(r.id))!.events] as const),
  );
  const feed = (await store.feedAfter(0, 1e6)).map((e) => [e.type, e.atMs, e.data]);
  return {
    incidents: live.incidents().map(toDocumentIncident),
    rows: rows.map((r) => ({ ...r })),
    events: Object.fromEntries(events),
    feed,
  };
}

/** Runs the stream, crashing (or stopping) the engine after batch `at` and starting a new one. */
async function interrupted(at: number, how: 'crash' | 'stop' | 'none') {
  const store = createMemoryStore();
  const clock = clockAt(batches[0]!.atMs - 5_000);
  let live = startLive(store, clock);
  await live.start();
  const parts: Batch[][] = how === 'none' ? [batches] : [batches.slice(0, at), batches.slice(at)];
  await play(store, live, clock, parts[0]!);
  if (parts[1] !== undefined) {
    // A crash drops the engine as it is: what it did since its last periodic snapshot is lost.
    if (how === 'stop') await live.stop();
    live = startLive(store, clock);
    await live.start();
    await play(store, live, clock, parts[1]);
  }
  await idleUntil(live, clock, endMs);
  const result = await outcome(store, live);
  await live.stop();
  return result;
}

/** A seeded choice of batch indexes (xorshift), so a failure can be rerun. */
function crashPoints(seed: number, n: number): number[] {
  let x = seed;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.push(1 + (Math.abs(x) % (batches.length - 2)));
  }
  return out;
}

describe('restart', () => {
  it('ends exactly as an uninterrupted run after crashes at random points and one stop', async () => {
    const whole = await interrupted(0, 'none');
    expect(whole.incidents.length).toBeGreaterThan(0);
    expect(
      Object.values(whole.events)
        .flat()
        .some((e) => e.kind === 'reopened' || e.kind === 'resolved'),
    ).toBe(true);
    for (const at of crashPoints(7, 3))
      expect(await interrupted(at, 'crash'), `crash after batch ${at}`).toEqual(whole);
    expect(await interrupted(crashPoints(11, 1)[0]!, 'stop')).toEqual(whole);
  });

  it('saves no event twice when the crash comes after an event was saved but before the next snapshot', async () => {
    const whole = await interrupted(0, 'none');
    const firstOpenMs = whole.feed.find(([type]) => type === 'incident.opened')![1] as number;
    // The batch committed right after the engine opened its first incident, at most 3 s later.
    const at = batches.findIndex((b) => b.atMs > firstOpenMs + 2_000 + 1_000);
    expect(await interrupted(at, 'crash')).toEqual(whole);
  });
});
