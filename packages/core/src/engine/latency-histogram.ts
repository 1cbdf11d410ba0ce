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

  /** The q-quantile (0..1) as a bin's upper edge, or NaN when empty. */
  quantile(q: number): number {
    if (this.total === 0) return NaN;
    const rank = Math.ceil(q * this.total);
    let seen = 0;
    for (let i = 0; i < BINS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return binUpperMs(i);
    }
    return binUpperMs(BINS - 1);
  }
}

/** An empty histogram to share where none was needed; frozen, so a write would throw. */
export const EMPTY_HISTOGRAM: LatencyHistogram = Object.freeze(new LatencyHistogram());
