/** Sends one attempt to one upstream: its status, headers and body stream, or the transport error. */
import type { Readable } from 'node:stream';
import type { Upstream } from './upstream-pools.js';

/** What the upstream answered, or how it failed before headers. */
export type AttemptResult =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly headers: Record<string, string | string[] | undefined>;
      readonly body: Readable;
    }
  | { readonly kind: 'failed'; readonly error: unknown };

/** One request as sent: the path after the target's base path, its headers and body. */
export interface AttemptRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string | string[]>;
  readonly body: Buffer;
}

/** Never rejects: a failure before headers is a result, as a failed user call is data. */
export async function sendAttempt(
  up: Upstream,
  req: AttemptRequest,
  signal: AbortSignal,
): Promise<AttemptResult> {
  try {
    const res = await up.pool.request({
      method: req.method,
      path: req.path,
      headers: req.headers,
      body:
        req.body.length === 0 && (req.method === 'GET' || req.method === 'HEAD') ? null : req.body,
      signal,
    });
    return { kind: 'response', status: res.statusCode, headers: res.headers, body: res.body };
  } catch (error: unknown) {
    return { kind: 'failed', error };
  }
}
