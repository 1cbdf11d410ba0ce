/**
 * Attempt numbers for clients that do not send `x-stainless-retry-count` (js-genai's opt-in
 * retries): the same request (method, URL, body) repeated within a minute of a failed attempt
 * is its retry. Bounded in size; the body is sampled, not hashed whole.
 */

const WINDOW_MS = 60_000;
const MAX_KEYS = 1_000;

export class AttemptCounter {
  readonly #failed = new Map<string, { attempt: number; atMs: number }>();

  /** The attempt number of a request about to be sent. */
  next(key: string, nowMs: number): number {
    const prev = this.#failed.get(key);
    return prev !== undefined && nowMs - prev.atMs <= WINDOW_MS ? prev.attempt + 1 : 1;
  }

  /** Records the outcome of an attempt: a failure may be retried, a success ends the chain. */
  settle(key: string, attempt: number, failed: boolean, nowMs: number): void {
    this.#failed.delete(key);
    if (!failed) return;
    this.#failed.set(key, { attempt, atMs: nowMs });
    if (this.#failed.size > MAX_KEYS) {
      const oldest = this.#failed.keys().next().value;
      if (oldest !== undefined) this.#failed.delete(oldest);
    }
  }
}

/** A cheap identity for a request: method, URL, body length and a sample of the body. */
export function requestKey(method: string, url: string, body: string | undefined): string {
  if (body === undefined) return `${method} ${url}`;
  let h = 2166136261;
  const step = Math.max(1, Math.floor(body.length / 256));
  for (let i = 0; i < body.length; i += step) h = Math.imul(h ^ body.charCodeAt(i), 16777619);
  return `${method} ${url} ${body.length} ${(h >>> 0).toString(36)}`;
}
