/** The breaker's transition function: pure, time passed in with each input. */
import type { Classification } from '../classify/index.js';
import type { ResolvedBreakerOptions } from './breaker-options.js';
import { covers, opensOn, type BreakerInput, type BreakerTarget } from './breaker-input.js';
import type { BreakerState, HalfOpenState } from './breaker-state.js';
import { onProbation, remember, transition } from './transition.js';

/** The state after `input`; the same object when nothing changed. Call {@link stepTime} first. */
export function step(
  s: BreakerState,
  input: BreakerInput,
  t: BreakerTarget,
  o: ResolvedBreakerOptions,
): BreakerState {
  switch (input.type) {
    case 'call':
      return onCall(s, input.classification, input.atMs, input.probe === true, o);
    case 'scope': {
      if (s.scopeElevated === input.elevated) return s;
      const next = { ...s, scopeElevated: input.elevated };
      return next.state === 'half_open' ? tryClose(next, input.atMs, o) : next;
    }
    case 'verdict':
      if (input.to === s.state) return s;
      return transition(
        s,
        input.to,
        input.atMs,
        { kind: 'service', to: input.to, why: input.why },
        o,
      );
    case 'incident': {
      const i = input.incident;
      if (input.event === 'resolved' || !covers(i, t) || !opensOn(i.layer, i.reason, o)) return s;
      if (input.event !== 'reopened' && s.incidents.includes(i.id)) return s;
      if (s.state === 'open') return { ...s, incidents: remember(s.incidents, i.id) };
      const cause = {
        kind: 'incident',
        incidentId: i.id,
        layer: i.layer,
        reason: i.reason,
      } as const;
      return transition(s, 'open', input.atMs, cause, o);
    }
  }
}

/** The state once time reaches `nowMs`: open past its maximum goes half-open; old flaps are forgotten. */
export function stepTime(s: BreakerState, nowMs: number, o: ResolvedBreakerOptions): BreakerState {
  if (s.state === 'open' && nowMs >= s.untilMs) {
    return transition(s, 'half_open', nowMs, { kind: 'max_open_elapsed', openMs: o.maxOpenMs }, o);
  }
  if (s.state === 'closed' && s.settling && !onProbation(s.probationMs, nowMs, o)) {
    return { ...s, settling: false };
  }
  // A quiet spell after a flap may end with no call at all: the clock alone can close it.
  return s.state === 'half_open' ? tryClose(s, nowMs, o) : s;
}

function onCall(
  s: BreakerState,
  c: Classification,
  atMs: number,
  probe: boolean,
  o: ResolvedBreakerOptions,
): BreakerState {
  if (c.reason === 'cancelled') return s;
  const ok = c.layer === 'none';
  if (!ok && !opensOn(c.layer, c.reason, o)) return s; // our own broken request: no evidence
  switch (s.state) {
    case 'closed': {
      if (ok) return s.failures === 0 ? s : { ...s, failures: 0, firstFailureMs: null };
      const fresh = s.firstFailureMs === null || atMs - s.firstFailureMs > o.failureWindowMs;
      const failures = fresh ? 1 : s.failures + 1;
      // A failure soon after a recovery extends its probation: an oscillation stays one recovery.
      const probationMs = onProbation(s.probationMs, atMs, o) ? atMs : s.probationMs;
      const next = { ...s, failures, firstFailureMs: fresh ? atMs : s.firstFailureMs, probationMs };
      if (failures < o.failureThreshold) return next;
      return transition(
        next,
        'open',
        atMs,
        { kind: 'local_failures', count: failures, reason: c.reason },
        o,
      );
    }
    case 'open':
      if (!ok) return s;
      return transition(
        s,
        'half_open',
        atMs,
        { kind: probe ? 'probe_success' : 'trickle_success' },
        o,
      );
    case 'half_open':
      if (!ok)
        return transition(s, 'open', atMs, { kind: 'half_open_failure', reason: c.reason }, o);
      return tryClose({ ...s, successes: s.successes + 1 }, atMs, o);
  }
}

/** Closes on k successes in a row while the scope is not elevated (and, after a flap, a quiet spell). */
function tryClose(s: HalfOpenState, atMs: number, o: ResolvedBreakerOptions): BreakerState {
  if (s.successes < o.successThreshold || s.scopeElevated) return s;
  if (s.settling && atMs - s.cleanSinceMs < o.settleMs) return s;
  return transition(s, 'closed', atMs, { kind: 'recovered', successes: s.successes }, o);
}
