/**
 * A learned latency (median, p95 or time to first token) and how much recent healthy data stands
 * behind it, so no latency verdict is given on a baseline from a first bucket or a stale one.
 */
import { LATENCY_BASELINE } from './tuning.js';

/** The value forgets slowly (a creep is not learned as the new normal before it is 3×). */
const KEEP_VALUE = LATENCY_BASELINE.keepValue;
/** Readiness forgets fast. */
const KEEP_READY = LATENCY_BASELINE.keepReady;
/**
 * Readiness needed before the baseline may judge. A fresh scope's first buckets are often
 * unrepresentative (warm caches, one app's short prompts), and a baseline that learned nothing
 * for ~10 minutes of traffic (an incident paused learning while the mix shifted) fades below
 * this and must relearn first.
 */
export const READY_WEIGHT = LATENCY_BASELINE.readyWeight;
/** Above this many times the baseline, a bucket is not learned from by a settled baseline. */
const LEARN_RATIO = LATENCY_BASELINE.learnRatio;

export interface LatencyBaselineState {
  readonly valueMs: number | null;
  /** The weight behind `valueMs` (slow to forget). */
  readonly valueWeight: number;
  /** Recent healthy data (fast to forget): `ready` at `READY_WEIGHT`. */
  readonly weight: number;
}

export class LatencyBaseline {
  /** The weighted mean of healthy buckets' values (bias-corrected EWMA); NaN before any. */
  valueMs = NaN;
  valueWeight = 0;
  /** Recent healthy buckets, each counting 1 and fading by `KEEP_READY` a bucket. */
  weight = 0;

  /** Learns one healthy bucket's value. */
  learn(valueMs: number): void {
    const w = this.valueWeight * KEEP_VALUE;
    this.valueWeight = w + 1;
    this.valueMs = Number.isNaN(this.valueMs)
      ? valueMs
      : (this.valueMs * w + valueMs) / this.valueWeight;
    this.weight = this.weight * KEEP_READY + 1;
  }

  /**
   * Offers one bucket's value: learned when it looks normal, else only the weight fades. A
   * settled baseline does not learn a bucket `LEARN_RATIO`× above it (a creep is not the new normal); a
   * shift that lasts makes it unsettled within minutes, and then it learns what it sees.
   */
  offer(valueMs: number): void {
    if (this.ready && valueMs > LEARN_RATIO * this.valueMs) this.fade();
    else this.learn(valueMs);
  }

  /** A bucket with calls that was not learned from: the baseline grows staler, not different. */
  fade(): void {
    this.weight *= KEEP_READY;
  }

  /** Enough recent healthy data to judge latency against. */
  get ready(): boolean {
    return this.weight >= READY_WEIGHT && !Number.isNaN(this.valueMs);
  }

  toState(): LatencyBaselineState {
    return {
      valueMs: Number.isNaN(this.valueMs) ? null : this.valueMs,
      valueWeight: this.valueWeight,
      weight: this.weight,
    };
  }

  /** Takes the state of `toState()`; none (a snapshot from before weights were kept) leaves it fresh. */
  restore(s: LatencyBaselineState | undefined): void {
    if (s === undefined) return;
    this.valueMs = s.valueMs ?? NaN;
    this.valueWeight = s.valueWeight;
    this.weight = s.weight;
  }
}
