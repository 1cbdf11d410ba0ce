/** The breaker's state per target, as a discriminated union of plain data (saved with `toJSON`). */
import type { BreakerCause } from './breaker-cause.js';

/** What every state keeps: when it began, why, and the memory that damps flapping. */
interface StateCommon {
  readonly sinceMs: number;
  readonly why: string;
  readonly cause: BreakerCause;
  /** The engine (or the service) sees the target's scope elevated now. */
  readonly scopeElevated: boolean;
  /**
   * Probation after a recovery: when it last closed, pushed forward by each counted failure
   * while closed (`null`: never closed after opening). A re-open within `flapWindowMs` of it is a flap.
   */
  readonly probationMs: number | null;
  /** It re-opened soon after closing: the next close waits for a quiet spell (`settleMs`). */
  readonly settling: boolean;
  /** Incidents that have already opened it (newest last, bounded), so an update does not re-open it. */
  readonly incidents: readonly string[];
}

/** Traffic passes; `failures` consecutive counted failures since `firstFailureMs`. */
export interface ClosedState extends StateCommon {
  readonly state: 'closed';
  readonly failures: number;
  readonly firstFailureMs: number | null;
}

/** Traffic skips the target, but for a trickle request now and then; half-open at `untilMs` regardless. */
export interface OpenState extends StateCommon {
  readonly state: 'open';
  readonly untilMs: number;
  /** The last trickle request let through (or the opening time: the first waits one interval). */
  readonly lastTrickleMs: number | null;
}

/** Traffic passes on trial: `successes` in a row since `cleanSinceMs` (entry or last failure). */
export interface HalfOpenState extends StateCommon {
  readonly state: 'half_open';
  readonly successes: number;
  readonly cleanSinceMs: number;
}

/** One target's breaker state: JSON-serialisable as it is. */
export type BreakerState = ClosedState | OpenState | HalfOpenState;

/** A fresh breaker: closed since `nowMs`. */
export function initialBreakerState(nowMs: number): ClosedState {
  return {
    state: 'closed',
    sinceMs: nowMs,
    why: 'no failures seen yet',
    cause: { kind: 'initial' },
    scopeElevated: false,
    probationMs: null,
    settling: false,
    incidents: [],
    failures: 0,
    firstFailureMs: null,
  };
}
