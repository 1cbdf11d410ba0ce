/** When to try a delivery again: exponential backoff with jitter, or what the receiver asked for. */

/** How many times and how far apart deliveries are retried. */
export interface RetryPolicy {
  /** Attempts in all, the first included. Default 6. */
  readonly attempts: number;
  /** The wait before the second attempt; it doubles each time. Default 1,000. */
  readonly baseDelayMs: number;
  /** No wait is longer than this, a receiver's `Retry-After` included. Default 300,000 (5 min). */
  readonly maxDelayMs: number;
}

/** The defaults: six attempts over about a minute, within PagerDuty's "a few attempts" advice. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 6,
  baseDelayMs: 1000,
  maxDelayMs: 300_000,
};

/**
 * The wait after failed attempt `attempt` (1-based). A receiver's `Retry-After` is honoured as
 * given (capped at `maxDelayMs`); otherwise `base · 2^(attempt-1)` with "equal jitter" (half fixed,
 * half random), so channels retrying after one outage do not return in lockstep.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs);
  const full = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
  return Math.round(full / 2 + (random() * full) / 2);
}
