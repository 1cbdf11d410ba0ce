/** A wait that ends early when the client goes, so a slow page's timer never outlives its socket. */
import type { ServerResponse } from 'node:http';

/** Resolves true after `ms`, or false as soon as the connection closes. */
export function waitUnlessClosed(ms: number, res: ServerResponse): Promise<boolean> {
  if (res.destroyed || res.socket === null || res.socket.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(
      () => {
        res.off('close', onClose);
        resolve(true);
      },
      Math.min(ms, 2 ** 31 - 1),
    );
    res.once('close', onClose);
  });
}
