/** Reads a client's request body whole, up to a limit: failover may send it to several targets. */
import type { IncomingMessage } from 'node:http';

/** The body, or why there is none to send. */
export type ClientBody =
  | { readonly kind: 'ok'; readonly body: Buffer }
  | { readonly kind: 'too_large' }
  | { readonly kind: 'broken' };

const EMPTY = Buffer.alloc(0);

/** Resolves once the body is in, past `maxBytes`, or the client went away. */
export function readClientBody(req: IncomingMessage, maxBytes: number): Promise<ClientBody> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes)
    return Promise.resolve({ kind: 'too_large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        req.resume(); // read on and drop, so the 413 can be answered on this connection
        resolve({ kind: 'too_large' });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () =>
      resolve({
        kind: 'ok',
        body:
          chunks.length === 0 ? EMPTY : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
      }),
    );
    req.once('error', () => resolve({ kind: 'broken' }));
    req.once('close', () => {
      if (!req.complete) resolve({ kind: 'broken' });
    });
  });
}
