/** The router's breakers, one per target, and the plan of which targets a call may try now. */
import {
  BreakerOpenError,
  createBreaker,
  type Breaker,
  type BreakerOptions,
  type Classification,
} from '@faultline/core';

/** One target's breaker and whether this call is its trickle request. */
export interface Planned<T> {
  readonly target: T;
  readonly breaker: Breaker;
  readonly trickle: boolean;
}

/** Breakers for `targets`, and the plans calls follow. */
export class TargetBreakers<T extends { name: string; provider: string; model: string }> {
  readonly entries: ReadonlyArray<{ readonly target: T; readonly breaker: Breaker }>;

  constructor(
    targets: readonly T[],
    options: BreakerOptions,
    private readonly now: () => number,
    private readonly allOpen: 'try' | 'reject',
  ) {
    const t0 = now();
    this.entries = targets.map((target) => ({
      target,
      breaker: createBreaker({
        ...options,
        target: { name: target.name, provider: target.provider, model: target.model },
        nowMs: t0,
      }),
    }));
  }

  /** The targets to try, in order: those admitted now, or all of them when every breaker is open. */
  plan(): Planned<T>[] {
    const now = this.now();
    const admitted = this.entries.flatMap((e) => {
      const a = e.breaker.admit(now);
      return a === 'skip' ? [] : [{ ...e, trickle: a === 'trickle' }];
    });
    if (admitted.length > 0) return admitted;
    if (this.allOpen === 'reject')
      throw new BreakerOpenError(this.entries.map((e) => e.target.name));
    return this.entries.map((e) => ({ ...e, trickle: false }));
  }

  /** Tells a target's breaker how its call went. */
  feed(breaker: Breaker, verdicts: readonly Classification[]): void {
    const atMs = this.now();
    for (const classification of verdicts) breaker.observe({ type: 'call', atMs, classification });
  }
}
