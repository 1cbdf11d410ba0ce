/** One HTTP attempt of a channel: POST (or any method) with a timeout, the answer as a SendResult. */
import type { SendContext, SendResult } from './notify-channel.js';
import { retryAfterMs } from './retry-after.js';

/** What an adapter sends. */
export interface HttpRequest {
  readonly method: 'POST' | 'PATCH' | 'GET';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** The body, already serialised (signatures are computed over these exact bytes). */
  readonly body?: string;
}

/** The answer, for adapters that read the body (Statuspage ids). */
export interface HttpAnswer {
  readonly result: SendResult;
  /** The body text of a 2xx answer, else `''`. */
  readonly body: string;
}

/**
 * Whether a status is worth retrying: 408, 425, 429 and 5xx (PagerDuty 05-Rate-Limits, Slack's
 * `rollup_error`, Standard Webhooks "any 2xx is success"). Other 4xx are our bug or a revoked
 * destination: retrying cannot help.
 */
function retryable(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** Names a transport fault by its code only (`ECONNREFUSED`, `TimeoutError`): never its message, which may quote the URL. */
function faultName(e: unknown): string {
  if (e instanceof Error) {
    const cause: unknown = e.cause;
    if (typeof cause === 'object' && cause !== null && 'code' in cause) return String(cause.code);
    return e.name;
  }
  return 'error';
}

/**
 * Slack answers a refusal with a bare error code (`invalid_payload`, `channel_not_found`: SL2),
 * worth logging; any other body is left out, since a receiver may echo what it was sent.
 */
function errorCode(body: string): string {
  const text = body.trim();
  return /^[a-z][a-z_]{0,40}$/.test(text) ? ` ${text}` : '';
}

/** Sends `req` with `fetch`; never rejects. */
export async function httpAttempt(
  fetch: typeof globalThis.fetch,
  req: HttpRequest,
  ctx: SendContext,
): Promise<HttpAnswer> {
  try {
    const res = await fetch(req.url, {
      method: req.method,
      headers: {
        ...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...req.headers,
      },
      ...(req.body === undefined ? {} : { body: req.body }),
      signal: ctx.signal,
      redirect: 'error',
    });
    const body = await res.text();
    if (res.status >= 200 && res.status < 300)
      return { result: { outcome: 'delivered', status: res.status }, body };
    if (retryable(res.status))
      return {
        result: {
          outcome: 'retry',
          why: `HTTP ${res.status}`,
          retryAfterMs: retryAfterMs(res.headers, ctx.now()),
        },
        body: '',
      };
    return { result: { outcome: 'failed', why: `HTTP ${res.status}${errorCode(body)}` }, body: '' };
  } catch (e: unknown) {
    return { result: { outcome: 'retry', why: faultName(e) }, body: '' };
  }
}
