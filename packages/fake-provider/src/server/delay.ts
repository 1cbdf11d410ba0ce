/** Waits that end early when the response's connection closes, so no timer outlives a socket. */
import type { ServerResponse } from 'node:http';

/** Whether the client is gone (socket closed or destroyed). */
export function isGone(res: ServerResponse): boolean {
  return res.destroyed || res.socket === null || res.socket.destroyed;
}

/**
 * Resolves true after `ms`, or false as soon as the connection closes. With `ms` undefined it
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
    const timer = ms === undefined ? undefined : setTimeout(() => finish(true), ms);
    res.once('close', onClose);
  });
}
