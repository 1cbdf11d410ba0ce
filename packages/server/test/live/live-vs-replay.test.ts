// The live engine, fed a scenario as it happens, says what `faultline diagnose` says, within 10 s of it.
import { describe, expect, it } from 'vitest';
import { toDocumentIncident } from '@faultline/core';
import { generateScenario } from '@faultline/scenarios';
import { createLiveEngine } from '../../src/live/index.js';
import type { FeedEntry, StoredRecord } from '../../src/store/port.js';
import { createMemoryStore } from '../../src/store/memory/index.js';
import { batchesOf, clockAt, commit, idleUntil, play, replay } from './stream.js';

/** Scenario, stream length, and how often the timer ticks (any period works: time passes bucket by bucket). */
const SCENARIOS: readonly (readonly [string, number, number])[] = [
  ['provider-overload', 20 * 60_000, 1_000],
  ['two-at-once', 25 * 60_000, 1_000],
  ['status-page-lags', 30 * 60_000, 1_000],
  ['night-probe-only', 50 * 60_000, 1_000],
  ['flapping-recovery', 30 * 60_000, 2_000],
];
const GRACE_MS = 2_000;

describe('live engine against the offline replay', () => {
  for (const [name, durationMs, tickMs] of SCENARIOS) {
    it(`finds the incidents diagnose finds in ${name}, each within 10 s of the replay's detection`, async () => {
      const scenario = generateScenario(name, { seed: 3, durationMs });
      const batches = batchesOf(scenario.records);
      const store = createMemoryStore();
      const clock = clockAt(batches[0]!.atMs - 5_000);
      const live = createLiveEngine({
        store,
        now: clock.now,
        graceMs: GRACE_MS,
        snapshotEveryMs: 3_600_000,
        tickEveryMs: 3_600_000,
      });
      const seen: { entry: FeedEntry; wallMs: number }[] = [];
      live.onFeed((entry) => seen.push({ entry, wallMs: clock.nowMs }));
      await live.start();
      await play(store, live, clock, batches, tickMs);
      const stored: StoredRecord[] = await store.recordsAfter(0, 1e9);
      const lastMs = Math.max(...stored.map((r) => r.tsMs));
      // The replay ends at the last record + 1 ms; the live engine gets there `graceMs` later.
      await idleUntil(live, clock, lastMs + 1 + GRACE_MS);
      const expected = replay(stored, lastMs + 1);
      expect(expected.length).toBeGreaterThan(0);
      expect(live.incidents().map(toDocumentIncident)).toEqual(expected);
      expect(live.stats().late).toBe(0);
      // Every opening is on the feed no later than 10 s (wall) after the replay detected it.
      for (const i of expected) {
        const opened = seen.find(
          (s) =>
            s.entry.type === 'incident.opened' &&
            (JSON.parse(s.entry.data) as { id: string }).id === i.id,
        );
        expect(opened, i.id).toBeDefined();
        expect(opened!.wallMs - Date.parse(i.detected_at)).toBeLessThanOrEqual(10_000);
      }
      // The store holds each incident once, as the list API will show it.
      const rows = await store.queryIncidents({ limit: 500 });
      expect(rows.map((r) => r.id).sort()).toEqual(expected.map((i) => i.id).sort());
      for (const i of expected) {
        const detail = await store.incident(i.id);
        expect(detail!.events[0]!.kind).toBe('opened');
        expect(detail!.updates.map((u) => u.voice).sort()).toContain('internal');
      }
      await live.stop();
    });
  }

  it('reports the engine lag as the newest record time minus the engine clock', async () => {
    const store = createMemoryStore();
    const scenario = generateScenario('provider-overload', { seed: 1, durationMs: 120_000 });
    const batches = batchesOf(scenario.records);
    const clock = clockAt(batches[0]!.atMs);
    const live = createLiveEngine({
      store,
      now: clock.now,
      graceMs: GRACE_MS,
      tickEveryMs: 3_600_000,
    });
    await live.start();
    for (const b of batches.slice(0, 30)) {
      clock.nowMs = b.atMs;
      await commit(store, live, b);
    }
    const last = batches[29]!;
    const newest = Math.max(...last.rows.map((r) => r.tsMs));
    expect(live.stats().lagMs).toBe(newest - (last.atMs - GRACE_MS));
    expect(live.stats().lagMs).toBeLessThanOrEqual(GRACE_MS);
    await live.stop();
  });
});
