// A record clock `scale`× faster than the wall clock, shared by the fake provider, the service and its probes.
import type { WatchClock } from '../../src/serve/watch.js';

/** Record time (epoch ms) and the wall time it started at. */
export interface RecordClock extends WatchClock {
  /** Record time at wall time 0 of the run: the scenario's start. */
  readonly startMs: number;
  readonly scale: number;
  /** Record time now: the service's `now`. */
  readonly now: () => number;
  /** Record minutes since the start, for messages. */
  readonly minutes: (recordMs: number) => string;
}

/** The last 03:00 UTC at least an hour ago: the night case runs at night. */
export function lastNightMs(wallMs: number = Date.now()): number {
  const d = new Date(wallMs - 3_600_000);
  d.setUTCHours(3, 0, 0, 0);
  const ms = d.getTime();
  return ms > wallMs - 3_600_000 ? ms - 86_400_000 : ms;
}

/**
 * Starts a clock now: record time `startMs` at this wall instant, then `scale` record ms per
 * wall ms. Its timers wait `ms / scale` of wall time, so a probe every 20 s waits 20 s of record time.
 */
export function startRecordClock(scale: number, startMs: number): RecordClock {
  const wall0 = Date.now();
  const recordMs = (wallMs: number): number => startMs + (wallMs - wall0) * scale;
  return {
    startMs,
    scale,
    recordMs,
    now: () => recordMs(Date.now()),
    minutes: (ms) => `${((ms - startMs) / 60_000).toFixed(2)} min`,
    timers: {
      setTimeout(callback, ms) {
        const handle = setTimeout(callback, Math.max(0, ms) / scale);
        handle.unref();
        return handle;
      },
      clearTimeout(handle) {
        clearTimeout(handle as ReturnType<typeof setTimeout>);
      },
    },
  };
}
