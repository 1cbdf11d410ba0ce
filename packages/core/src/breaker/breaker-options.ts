/** The breaker's tuning: which evidence opens it and how much evidence closes it again. */
import type { FailureLayer } from '../diagnosis/index.js';
import type { Reason } from '../classify/index.js';

/** Options of one breaker; every field has a default (see {@link DEFAULT_BREAKER_OPTIONS}). */
export interface BreakerOptions {
  /** Layers whose incidents and failures open it (config `breaker.open_on`). */
  readonly openOn?: readonly FailureLayer[];
  /**
   * Reasons that open it even though their layer is not in `openOn`: auth, billing and quota at
   * one provider fail every call there anyway (issue 11). Our broken requests are never here.
   */
  readonly alsoOpenOn?: readonly Reason[];
  /** Reasons that never count, whatever their layer (truncation is usually our `max_tokens`). */
  readonly ignore?: readonly Reason[];
  /** Counted failures in a row that open it before the engine has a verdict. */
  readonly failureThreshold?: number;
  /** Those failures must fall within this window, from the first. */
  readonly failureWindowMs?: number;
  /** Successes in a row that close it from half-open (with the scope no longer elevated). */
  readonly successThreshold?: number;
  /** Open at most this long; then half-open regardless. */
  readonly maxOpenMs?: number;
  /** While open, one trickle request may pass every this many ms (`Infinity`: none). */
  readonly trickleIntervalMs?: number;
  /** A re-open this soon after closing is a flap: the next close needs a quiet spell. */
  readonly flapWindowMs?: number;
  /** After a flap, half-open must see no failure for this long before it closes. */
  readonly settleMs?: number;
}

export type ResolvedBreakerOptions = { readonly [K in keyof BreakerOptions]-?: BreakerOptions[K] };

/** The defaults: config.md's `open_on`, and time constants in the range peers use (gateways.md §2). */
export const DEFAULT_BREAKER_OPTIONS: ResolvedBreakerOptions = {
  openOn: ['provider', 'model', 'network'],
  alsoOpenOn: ['auth', 'permission', 'billing', 'quota_exhausted'],
  ignore: ['truncated', 'slow'],
  failureThreshold: 5,
  failureWindowMs: 30_000,
  successThreshold: 3,
  maxOpenMs: 120_000,
  trickleIntervalMs: 5_000,
  flapWindowMs: 60_000,
  settleMs: 30_000,
};

/** The options with defaults filled in. */
export function resolveBreakerOptions(o: BreakerOptions = {}): ResolvedBreakerOptions {
  const d = DEFAULT_BREAKER_OPTIONS;
  return {
    openOn: o.openOn ?? d.openOn,
    alsoOpenOn: o.alsoOpenOn ?? d.alsoOpenOn,
    ignore: o.ignore ?? d.ignore,
    failureThreshold: Math.max(1, o.failureThreshold ?? d.failureThreshold),
    failureWindowMs: o.failureWindowMs ?? d.failureWindowMs,
    successThreshold: Math.max(1, o.successThreshold ?? d.successThreshold),
    maxOpenMs: o.maxOpenMs ?? d.maxOpenMs,
    trickleIntervalMs: o.trickleIntervalMs ?? d.trickleIntervalMs,
    flapWindowMs: o.flapWindowMs ?? d.flapWindowMs,
    settleMs: o.settleMs ?? d.settleMs,
  };
}
