/** How long a failed batch waits before its next try. */

/**
 * Exponential backoff with full jitter: a uniform wait in [0, min(maxMs, baseMs·2^(failures−1))),
 * so clients that failed together do not retry together ("Exponential Backoff And Jitter",
 * AWS Architecture Blog, 2015). `random` is a number in [0, 1), passed in.
 */
export function backoffMs(failures: number, baseMs: number, maxMs: number, random: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(ceiling * random);
}

/**
 * The wait before the next try: the server's `Retry-After` when it gave one, else the jittered
 * backoff; never more than `maxMs`.
 */
export function nextWaitMs(
  serverMs: number | undefined,
  failures: number,
  o: { readonly baseMs: number; readonly maxMs: number; readonly random: number },
): number {
  if (serverMs !== undefined) return Math.min(o.maxMs, serverMs);
  return backoffMs(failures, o.baseMs, o.maxMs, o.random);
}
