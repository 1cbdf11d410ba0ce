/** A fixed log-scale histogram of durations, for p50/p95 per time bucket with bounded memory. */

const BINS = 48;
const MIN_MS = 10;
// 10 ms × 1.25^k: bin 47 ≈ 360 s
const GROWTH = 1.25;
const LOG_GROWTH = Math.log(GROWTH);

/** Bin index of a duration. */
export function latencyBin(ms: number): number {
  if (!(ms > MIN_MS)) return 0;
  return Math.min(BINS - 1, Math.floor(Math.log(ms / MIN_MS) / LOG_GROWTH) + 1);
}

/** The upper edge of a bin, in ms. */
export function binUpperMs(bin: number): number {
  return MIN_MS * GROWTH ** bin;
}

/** A histogram; `add` and `merge` are allocation-free. */
export class LatencyHistogram {
  readonly counts = new Uint32Array(BINS);
  total = 0;

  add(ms: number): void {
    this.addBin(latencyBin(ms));
  }

  /** Counts one duration already binned by `latencyBin` (one call adds to two scopes). */
  addBin(bin: number): void {
    this.counts[bin]!++;
    this.total++;
  }

  merge(other: LatencyHistogram): void {
    for (let i = 0; i < BINS; i++) this.counts[i]! += other.counts[i]!;
    this.total += other.total;
  }

  /** The non-empty bins as `[bin, count]` pairs, for `engine.snapshot()`. */
  toState(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    this.counts.forEach((n, bin) => {
      if (n > 0) out.push([bin, n]);
    });
    return out;
  }

  /** A histogram from `toState()`. */
  static fromState(bins: ReadonlyArray<readonly [number, number]>): LatencyHistogram {
    const h = new LatencyHistogram();
    for (const [bin, n] of bins) {
      h.counts[bin] = n;
      h.total += n;
    }
    return h;
  }

  clear(): void {
    this.counts.fill(0);
    this.total = 0;
  }

  /**
   * The q-quantile (0..1), interpolated inside its bin on the log scale (as Prometheus'
   * `histogram_quantile` does linearly), or NaN when empty. A bin's upper edge instead moved in
   * 25% steps: a creep through 3× read 2.9× until it jumped to 3.7× (scenario latency-creep).
   */
  quantile(q: number): number {
    if (this.total === 0) return NaN;
    const rank = q * this.total;
    let seen = 0;
    for (let i = 0; i < BINS; i++) {
      const n = this.counts[i]!;
      if (n > 0 && seen + n >= rank) {
        if (i === 0) return MIN_MS;
        return binUpperMs(i - 1) * GROWTH ** Math.min(1, Math.max(0, (rank - seen) / n));
      }
      seen += n;
    }
    return binUpperMs(BINS - 1);
  }
}

/** An empty histogram to share where none was needed; frozen, so a write would throw. */
export const EMPTY_HISTOGRAM: LatencyHistogram = Object.freeze(new LatencyHistogram());
