/**
 * `createBreaker`: one target's circuit breaker. Pure: no timers, no clock; every input carries
 * its time, and `tick(nowMs)` lets time pass. It opens on incidents and fast local evidence and
 * recovers on evidence (successes while the scope is back to normal), never on a timer alone.
 */
import { resolveBreakerOptions, type BreakerOptions } from './breaker-options.js';
import type { BreakerInput, BreakerTarget } from './breaker-input.js';
import type { BreakerCause } from './breaker-cause.js';
import { initialBreakerState, type BreakerState } from './breaker-state.js';
import type { BreakerStateName } from './state-names.js';
import { Listeners, type BreakerDisposable } from './listeners.js';
import { step, stepTime } from './step.js';

/** One change of state, as `breaker.changed` carries it (spec/server-api.md). */
export interface BreakerChange {
  readonly target: BreakerTarget;
  readonly from: BreakerStateName;
  readonly to: BreakerStateName;
  readonly atMs: number;
  readonly why: string;
  readonly cause: BreakerCause;
}

/** What a breaker lets a call do now: pass, pass as the open target's trickle request, or skip. */
export type BreakerAdmission = 'pass' | 'trickle' | 'skip';

export interface CreateBreakerOptions extends BreakerOptions {
  readonly target: BreakerTarget;
  /** A state saved by `toJSON()` to resume from; else closed since `nowMs`. */
  readonly initialState?: BreakerState;
  /** The creation time, for a fresh state (default 0). */
  readonly nowMs?: number;
}

export interface Breaker {
  readonly target: BreakerTarget;
  /** The current state (plain data). */
  readonly state: BreakerState;
  /** Feeds one piece of evidence at its time. */
  observe(input: BreakerInput): void;
  /** Lets time pass to `nowMs` (open past its maximum goes half-open). */
  tick(nowMs: number): void;
  /** Whether a call may go to the target now; a `trickle` answer is counted as the trickle sent. */
  admit(nowMs: number): BreakerAdmission;
  /** The state as JSON-serialisable data, for `initialState`. */
  toJSON(): BreakerState;
  /** Listens to changes of state until the handle is disposed. */
  onChange(listener: (change: BreakerChange) => void): BreakerDisposable;
}

/**
 * Creates a breaker for one target.
 *
 * @example
 * const b = createBreaker({ target: { name: 'primary', provider: 'anthropic', model: 'claude-opus-4-7' } });
 * b.onChange((c) => log(`${c.from} → ${c.to}: ${c.why}`));
 * b.observe({ type: 'call', atMs: Date.now(), classification: classify(record) });
 * if (b.admit(Date.now()) !== 'skip') send();
 * const saved = JSON.stringify(b.toJSON());
 */
export function createBreaker(options: CreateBreakerOptions): Breaker {
  const o = resolveBreakerOptions(options);
  const target = options.target;
  const changes = new Listeners<BreakerChange>();
  let s: BreakerState = options.initialState ?? initialBreakerState(options.nowMs ?? 0);

  const set = (next: BreakerState): void => {
    const from = s.state;
    s = next;
    if (next.state === from) return;
    changes.emit({
      target,
      from,
      to: next.state,
      atMs: next.sinceMs,
      why: next.why,
      cause: next.cause,
    });
  };
  const tick = (nowMs: number): void => set(stepTime(s, nowMs, o));

  return {
    target,
    get state() {
      return s;
    },
    observe(input) {
      tick(input.atMs);
      set(step(s, input, target, o));
    },
    tick,
    admit(nowMs) {
      tick(nowMs);
      if (s.state !== 'open') return 'pass';
      if (s.lastTrickleMs !== null && nowMs - s.lastTrickleMs < o.trickleIntervalMs) return 'skip';
      if (!Number.isFinite(o.trickleIntervalMs)) return 'skip';
      s = { ...s, lastTrickleMs: nowMs };
      return 'trickle';
    },
    toJSON: () => s,
    onChange: (listener) => changes.add(listener),
  };
}
