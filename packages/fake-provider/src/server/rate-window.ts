/** A fixed one-minute request window behind the fake rate-limit headers. */
import type { RateLimitState } from '../protocol/index.js';

/** Counts requests per window; `take` counts one and reports the window's state. */
export class RateWindow {
  #startMs = -Infinity;
  #used = 0;

  constructor(
    readonly limit: number,
    readonly windowMs = 60_000,
  ) {}

  /** Counts a request at `nowMs`. */
  take(nowMs: number): RateLimitState {
    if (nowMs >= this.#startMs + this.windowMs) {
      this.#startMs = nowMs;
      this.#used = 0;
    }
    this.#used++;
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - this.#used),
      resetAtMs: this.#startMs + this.windowMs,
    };
  }
}
