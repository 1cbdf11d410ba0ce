/**
 * When to poll next: `every` with ±10% jitter so pollers of many services do not align; after
 * failures, `every × 2^failures` capped (10 min by default, status-pages.md §5), jittered too.
 */

/** The jitter band, as a fraction of the delay. */
export const JITTER = 0.1;
/** Default cap of the backoff. */
export const MAX_BACKOFF_MS = 600_000;

/** Options of `pollDelayMs`. */
export interface PollDelayInput {
  readonly everyMs: number;
  /** Consecutive failed polls so far (0 after a good one). */
  readonly failures: number;
  /** A number in [0, 1). */
  readonly random: number;
  readonly maxBackoffMs?: number;
}

/** Milliseconds until the next poll. */
export function pollDelayMs(i: PollDelayInput): number {
  const cap = Math.max(i.maxBackoffMs ?? MAX_BACKOFF_MS, i.everyMs);
  const base =
    i.failures === 0 ? i.everyMs : Math.min(i.everyMs * 2 ** Math.min(i.failures, 30), cap);
  return Math.round(base * (1 + (2 * i.random - 1) * JITTER));
}
