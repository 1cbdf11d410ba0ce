/** One POST of a batch of JSON lines, bounded by a timeout and by the sink's stop signal. */

/** How a POST ended: sent, worth retrying later, or refused for good. */
export type PostOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'retry'; readonly error: unknown }
  | { readonly kind: 'refused'; readonly error: unknown };

export interface PostBatchOptions {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>> | undefined;
  readonly fetch: typeof globalThis.fetch;
  readonly timeoutMs: number;
  /** Aborts the POST at once (the sink's shutdown deadline). */
  readonly stop: AbortSignal;
}

/** A 4xx other than 408 and 429 will not succeed on a retry (RFC 9110 §15.5). */
function retryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** POSTs `body`; never throws or rejects. */
export async function postBatch(body: string, o: PostBatchOptions): Promise<PostOutcome> {
  const controller = new AbortController();
  const abort = (): void => controller.abort(o.stop.reason);
  const timer = setTimeout(() => {
    controller.abort(
      new DOMException(`POST ${o.url}: no answer in ${o.timeoutMs} ms`, 'TimeoutError'),
    );
  }, o.timeoutMs);
  timer.unref();
  if (o.stop.aborted) abort();
  else o.stop.addEventListener('abort', abort, { once: true });
  try {
    const res = await o.fetch(o.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', ...o.headers },
      body,
      signal: controller.signal,
    });
    await res.body?.cancel().catch(() => undefined);
    if (res.ok) return { kind: 'sent' };
    const error = new Error(`POST ${o.url}: HTTP ${res.status}`);
    return retryable(res.status) ? { kind: 'retry', error } : { kind: 'refused', error };
  } catch (e: unknown) {
    return { kind: 'retry', error: e };
  } finally {
    clearTimeout(timer);
    o.stop.removeEventListener('abort', abort);
  }
}

/** Exponential backoff with jitter: about `baseMs`·2^(failures−1), at most `maxMs`. */
export function backoffMs(failures: number, baseMs: number, maxMs: number, random: number): number {
  const full = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return full / 2 + (full / 2) * random;
}
