/** Building the next state of a change: common memory carried over, the new state's fields fresh. */
import { describeCause, type BreakerCause } from './breaker-cause.js';
import type { ResolvedBreakerOptions } from './breaker-options.js';
import type { BreakerState } from './breaker-state.js';
import type { BreakerStateName } from './state-names.js';

/** Incidents remembered per breaker: enough for overlapping incidents, bounded for memory. */
const MAX_INCIDENTS = 16;

/** The state `to`, entered at `atMs` because of `cause`. */
export function transition(
  s: BreakerState,
  to: BreakerStateName,
  atMs: number,
  cause: BreakerCause,
  o: ResolvedBreakerOptions,
): BreakerState {
  const common = {
    sinceMs: atMs,
    why: describeCause(cause),
    cause,
    scopeElevated: s.scopeElevated,
    probationMs: s.probationMs,
    settling: s.settling,
    incidents: cause.kind === 'incident' ? remember(s.incidents, cause.incidentId) : s.incidents,
  };
  switch (to) {
    case 'closed':
      return {
        ...common,
        state: 'closed',
        probationMs: s.state === 'closed' ? s.probationMs : atMs,
        failures: 0,
        firstFailureMs: null,
      };
    case 'open': {
      // Closed → open while on probation is a flap: damp the next close (see settleMs).
      const flap = s.state === 'closed' && onProbation(s.probationMs, atMs, o);
      return {
        ...common,
        state: 'open',
        settling: s.settling || flap,
        untilMs: atMs + o.maxOpenMs,
        // The first trickle waits one interval: the evidence that opened it is fresh.
        lastTrickleMs: atMs,
      };
    }
    case 'half_open':
      return {
        ...common,
        state: 'half_open',
        successes: cause.kind === 'probe_success' || cause.kind === 'trickle_success' ? 1 : 0,
        cleanSinceMs: atMs,
      };
  }
}

/** `ids` with `id` added last, the oldest dropped past the bound. */
export function remember(ids: readonly string[], id: string): readonly string[] {
  if (ids.includes(id)) return ids;
  return [...ids, id].slice(-MAX_INCIDENTS);
}

/** Whether a recovery at `probationMs` is still on probation at `atMs`. */
export function onProbation(
  probationMs: number | null,
  atMs: number,
  o: ResolvedBreakerOptions,
): boolean {
  return probationMs !== null && atMs - probationMs < o.flapWindowMs;
}
