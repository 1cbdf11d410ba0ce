/**
 * The demo server's probes and status-page poller on its replay clock: a probe "every 20 s" waits
 * 20 s of record time, however fast that clock runs at the moment.
 */
import type { WatchClock } from '../serve/watch.js';
import type { DemoClock } from './demo-clock.js';

/**
 * The watch clock of a server whose clock is `clock.server`. A timer of `ms` fires at the wall
 * time the server's clock reaches its time now plus `ms` (across changes of speed). A probe's
 * record is stamped on the app's clock, as the app's own records are: it then reaches the engine
 * ahead of the server's clock, not behind it (a 100 ms call is 3 record seconds at 30×, more
 * than the engine's grace).
 */
export function demoWatchClock(clock: DemoClock, serverBehindMs: number): WatchClock {
  return {
    recordMs: (wallMs) => clock.app(wallMs),
    timers: {
      setTimeout(callback, ms) {
        const wallNow = Date.now();
        const dueWallMs = clock.wallOf(clock.server(wallNow) + Math.max(0, ms)) + serverBehindMs;
        const handle = setTimeout(callback, Math.max(0, dueWallMs - wallNow));
        handle.unref();
        return handle;
      },
      clearTimeout(handle) {
        clearTimeout(handle as ReturnType<typeof setTimeout>);
      },
    },
  };
}
