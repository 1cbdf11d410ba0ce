/** When a probe calls: a jittered interval, a spread first call, and each call's own deadline. */

/** How far an interval may stray from `every`, either way (±10%). */
export const JITTER_SHARE = 0.1;
/** The longest a single probe may take (ms), whatever its interval. */
export const MAX_DEADLINE_MS = 20_000;

/**
 * The wait before the next call: `every` ± 10%, so probes started together drift apart instead
 * of hitting the provider in lockstep. `random` gives [0, 1).
 */
export function nextDelayMs(everyMs: number, random: () => number): number {
  return Math.round(everyMs * (1 - JITTER_SHARE + 2 * JITTER_SHARE * random()));
}

/** The wait before a target's first call: anywhere in its first interval (calls spread out at start). */
export function firstDelayMs(everyMs: number, random: () => number): number {
  return Math.round(everyMs * random());
}

/**
 * A call's deadline: half its interval, at most 20 s, so a slow answer ends before the next
 * call is due and probes never pile up.
 */
export function deadlineMs(everyMs: number): number {
  return Math.max(1, Math.min(Math.floor(everyMs / 2), MAX_DEADLINE_MS));
}
