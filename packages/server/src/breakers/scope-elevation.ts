/**
 * Whether a model's scope is elevated now: its one-minute failure share against its normal one.
 * The normal share is learned slowly while the scope is not elevated, so a model that always
 * fails a little (a flaky region, our own 4xx) is not held half-open forever.
 */

/** One model's last minute, as `/v1/health` reports it. */
export interface MinuteHealth {
  readonly state: 'ok' | 'degraded' | 'down';
  readonly calls_1m: number;
  readonly failure_share_1m: number;
}

/** Tuning of {@link ScopeElevation}. */
export interface ScopeElevationOptions {
  /** Never elevated below this share (the SDK router's `elevatedShare` default). Default 0.1. */
  readonly floorShare?: number;
  /** Elevated at this multiple of the normal share. Default 3. */
  readonly overNormal?: number;
  /** Elevated only with at least this many failures in the minute. Default 3. */
  readonly minFailures?: number;
  /** How fast the normal share follows a quiet minute, per reading (0–1). Default 0.02. */
  readonly learnRate?: number;
}

/** The judge, with one learned normal share per scope key. */
export class ScopeElevation {
  readonly #normal = new Map<string, number>();
  readonly #floor: number;
  readonly #over: number;
  readonly #minFailures: number;
  readonly #rate: number;

  constructor(o: ScopeElevationOptions = {}) {
    this.#floor = o.floorShare ?? 0.1;
    this.#over = o.overNormal ?? 3;
    this.#minFailures = o.minFailures ?? 3;
    this.#rate = o.learnRate ?? 0.02;
  }

  /** Judges one reading of `key` (no reading, no calls: not elevated) and learns from a quiet one. */
  elevated(key: string, h: MinuteHealth | undefined): boolean {
    if (h === undefined || h.calls_1m === 0) return false;
    const normal = this.#normal.get(key) ?? 0;
    const share = h.failure_share_1m;
    const failures = Math.round(share * h.calls_1m);
    const elevated =
      h.state === 'down' ||
      (failures >= this.#minFailures && share >= Math.max(this.#floor, this.#over * normal));
    if (!elevated) this.#normal.set(key, normal + this.#rate * (share - normal));
    return elevated;
  }

  /** The learned normal share of `key` (0 before any reading). */
  normal(key: string): number {
    return this.#normal.get(key) ?? 0;
  }
}
