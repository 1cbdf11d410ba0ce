import { describe, expect, it } from 'vitest';
import { createDemoClock } from './demo-clock.js';
import { demoWatchClock } from './demo-watch-clock.js';

/** Resolves with the wall ms a timer of `recordMs` took on `watch`. */
function timed(watch: ReturnType<typeof demoWatchClock>, recordMs: number): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    watch.timers.setTimeout(() => resolve(performance.now() - t0), recordMs);
  });
}

describe('demoWatchClock', () => {
  it('waits record time at the speed of the moment, across a change of speed', async () => {
    // 15× for the first 3 record seconds (200 wall ms), then 60×.
    const clock = createDemoClock({
      startWallMs: Date.now() - 1000,
      stretches: [
        { untilS: 3, scale: 15 },
        { untilS: 600, scale: 60 },
      ],
      serverBehindMs: 1000,
    });
    const watch = demoWatchClock(clock, 1000);
    // The server's clock is at the start now: 3 s at 15× then 6 s at 60× is 200 + 100 wall ms.
    const [crossing, fast] = await Promise.all([timed(watch, 9000), timed(watch, 0)]);
    expect(crossing).toBeGreaterThanOrEqual(295);
    expect(crossing).toBeLessThan(550); // at 15× throughout it would be 600
    expect(fast).toBeLessThan(100);
  });

  it('cancels a timer', async () => {
    const clock = createDemoClock({
      startWallMs: Date.now(),
      stretches: [{ untilS: 600, scale: 60 }],
      serverBehindMs: 1000,
    });
    const watch = demoWatchClock(clock, 1000);
    let fired = false;
    watch.timers.clearTimeout(watch.timers.setTimeout(() => (fired = true), 3000));
    await timed(watch, 6000);
    expect(fired).toBe(false);
  });

  it("stamps a probe's record on the app's clock, ahead of the server's", () => {
    const clock = createDemoClock({
      startWallMs: 1_000_000,
      stretches: [{ untilS: 600, scale: 15 }],
      serverBehindMs: 1000,
    });
    const watch = demoWatchClock(clock, 1000);
    expect(watch.recordMs(1_010_000)).toBe(clock.app(1_010_000));
    expect(watch.recordMs(1_010_000) - clock.server(1_010_000)).toBe(15_000);
  });
});
