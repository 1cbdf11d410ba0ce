/** Waits that end early when the response's connection closes, so no timer outlives a socket. */
import type { ServerResponse } from 'node:http';

/** Whether the client is gone (socket closed or destroyed). */
export function isGone(res: ServerResponse): boolean {
  return res.destroyed || res.socket === null || res.socket.destroyed;
}

/**
 * The longest delay `setTimeout` takes (2^31 - 1 ms, about 24.8 days); past it Node fires after
 * 1 ms with a TimeoutOverflowWarning (https://nodejs.org/api/timers.html#settimeoutcallback-delay-args).
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Resolves true after `ms` (clamped to {@link MAX_TIMER_MS}, so a huge latency or stall waits
 * about 25 days rather than firing at once), or false as soon as the connection closes. With `ms` undefined it
 * waits for the close alone (a stall "forever", until the client or `close()` ends it).
 */
export function delay(ms: number | undefined, res: ServerResponse): Promise<boolean> {
  if (isGone(res)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const finish = (ok: boolean): void => {
      if (timer !== undefined) clearTimeout(timer);
      res.off('close', onClose);
      resolve(ok);
    };
    const onClose = (): void => finish(false);
    const timer =
      ms === undefined ? undefined : setTimeout(() => finish(true), Math.min(ms, MAX_TIMER_MS));
    res.once('close', onClose);
  });
}
