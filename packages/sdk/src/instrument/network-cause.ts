/**
 * The transport code behind a fetch failure. undici rejects with `TypeError('fetch failed', { cause })`
 * and errors a broken body with `TypeError('terminated', { cause })`; the code sits on the cause,
 * sometimes nested or inside an `AggregateError` (error-taxonomy.md §5.1).
 */

/** The first `code` (or DOMException name for aborts and timeouts) along the cause chain. */
export function networkCode(err: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = err;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    if (seen.has(current)) break;
    seen.add(current);
    const e = current as { code?: unknown; name?: unknown; cause?: unknown; errors?: unknown };
    if (typeof e.code === 'string' && e.code.length > 0) return e.code;
    if (Array.isArray(e.errors)) {
      for (const inner of e.errors) {
        const code = networkCode(inner);
        if (code !== undefined) return code;
      }
    }
    current = e.cause;
  }
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'AbortError' || name === 'TimeoutError' ? name : undefined;
}

/** True when the failure is an abort (AbortSignal fired), not a transport error. */
export function isAbort(err: unknown): boolean {
  const e = err as { name?: unknown; code?: unknown } | null;
  return (
    e?.name === 'AbortError' ||
    e?.name === 'TimeoutError' ||
    e?.code === 'ABORT_ERR' ||
    e?.code === 'UND_ERR_ABORTED'
  );
}

/**
 * Messages of real transport failures, per runtime: undici (Node) `fetch failed` and `terminated`,
 * Chromium `Failed to fetch`, Firefox `NetworkError when attempting to fetch resource.`, WebKit
 * `Load failed`, Deno `error sending request`.
 */
const NETWORK_MESSAGE =
  /^(?:fetch failed|terminated|failed to fetch|networkerror|load failed|error sending request)/i;

/**
 * True for fetch's own refusal of a request before anything is sent: a `TypeError` with no cause
 * and none of the transport messages above. undici throws these while building the request
 * ("Request with GET/HEAD method cannot have body.", "Request cannot be constructed from a URL that
 * includes credentials", an invalid header value); its network failures are always
 * `TypeError('fetch failed', { cause })`.
 */
export function isRefusalBeforeSend(err: unknown): boolean {
  if (!(err instanceof TypeError) || err.cause !== undefined) return false;
  return !NETWORK_MESSAGE.test(err.message) && networkCode(err) === undefined;
}
