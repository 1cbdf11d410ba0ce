/**
 * Is a layer's failure share in a window anomalous for this scope? Fast on big failures, quiet on
 * noise at any volume: enough distinct failures (retries of one request are not a burst), a share
 * well above the learned baseline, and a binomial-tail test so low volumes need strong evidence.
 */
import type { FailureLayer } from '../diagnosis/index.js';
import type { Bucket, LayerTable } from './bucket.js';
import type { LatencyBaseline } from './latency-baseline.js';
import type { WindowStats } from './scope-stats.js';
import { recentBurst } from './recent-burst.js';
import { logTailProbability } from './significance.js';

/** Lowest baseline per layer, whatever was learned. */
const FLOOR: LayerTable<number> = {
  integration: 0.003,
  network: 0.002,
  provider: 0.004,
  model: 0.012,
};
/** ln(1e-6): how unlikely under the baseline a window must be to raise an incident. */
const LOG_P_RAISE = Math.log(1e-6);

export interface LayerAssessment {
  readonly share: number;
  readonly baseline: number;
  readonly logP: number;
  /** Strong enough to open or widen an incident. */
  readonly anomalous: boolean;
  /** Above normal: keeps an open incident open (hysteresis). */
  readonly elevated: boolean;
  /** Clearly part of a fault: a model joins an incident only on this, not on two noise errors. */
  readonly member: boolean;
}

/** ln(0.01): still elevated (keeps an open incident open). */
const LOG_P_ELEVATED = Math.log(0.01);
/** ln(1e-4): membership needs a count that noise rarely produces. */
const LOG_P_MEMBER = Math.log(1e-4);

/**
 * Assesses `layer` in window `w` against `learned` (the scope's baseline share); `buckets` are
 * the window's buckets, newest first, tested for a burst in their newest part (recent-burst.ts).
 */
export function assessLayer(
  w: WindowStats,
  layer: FailureLayer,
  learned: number,
  buckets: readonly Bucket[] = [],
): LayerAssessment {
  const baseline = Math.max(learned, FLOOR[layer]);
  const fails = w.fails[layer];
  const share = w.calls === 0 ? 0 : fails / w.calls;
  // Requests, not attempts, are the trials: an SDK retrying one failed request twice is one
  // failure, so the test counts first attempts (all calls when records carry no attempt).
  const firstFails = w.firstFails[layer];
  const logP = firstFails === 0 ? 0 : logTailProbability(firstFails, w.firstAttempts, baseline);
  const burst = recentBurst(buckets, layer, baseline);
  const anomalous =
    burst ||
    (fails >= 3 &&
      firstFails >= 2 &&
      share >= Math.max(4 * baseline, baseline + 0.04) &&
      logP <= LOG_P_RAISE);
  // Significant too (p ≤ 1%), or background noise alone would keep an incident open for ever.
  const elevated =
    burst ||
    (fails >= 2 && share >= Math.max(2.5 * baseline, baseline + 0.02) && logP <= LOG_P_ELEVATED);
  const member =
    burst || (elevated && share >= Math.max(3 * baseline, baseline + 0.03) && logP <= LOG_P_MEMBER);
  return { share, baseline, logP, anomalous, elevated, member };
}

/** A latency signal far above its baseline, by the measure that shows it most. */
export interface LatencyAssessment {
  /** ≥ 3× the baseline on enough calls: the provider is slow. */
  readonly anomalous: boolean;
  /** ≥ 2×: keeps a slow incident open. */
  readonly elevated: boolean;
  readonly measure: 'median latency' | 'p95 latency' | 'time to first token';
  readonly valueMs: number;
  readonly baselineMs: number;
  readonly ratio: number;
}

/** A scope's learned latencies (see latency-baseline.ts). */
export interface LatencyBaselines {
  readonly p50: LatencyBaseline;
  readonly p95: LatencyBaseline;
  readonly ttft: LatencyBaseline;
}

/**
 * Median latency (≥ 8 calls), p95 latency (≥ 20 calls) and median time to first token (≥ 8
 * streams) against their learned baselines; the largest ratio speaks. Only a baseline with
 * enough recent healthy data behind it (`ready`) can raise a verdict; any can keep one open.
 */
export function assessLatency(w: WindowStats, base: LatencyBaselines): LatencyAssessment {
  const options = [
    {
      measure: 'median latency' as const,
      n: w.latency.total,
      min: 8,
      value: w.latency.quantile(0.5),
      baseline: base.p50,
    },
    {
      measure: 'p95 latency' as const,
      n: w.latency.total,
      min: 20,
      value: w.latency.quantile(0.95),
      baseline: base.p95,
    },
    {
      measure: 'time to first token' as const,
      n: w.ttft.total,
      min: 8,
      value: w.ttft.quantile(0.5),
      baseline: base.ttft,
    },
  ].map((o) => ({
    ...o,
    baselineMs: o.baseline.valueMs,
    ratio: o.n === 0 || Number.isNaN(o.baseline.valueMs) ? 0 : o.value / o.baseline.valueMs,
  }));
  const best = options.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  return {
    anomalous: options.some((o) => o.baseline.ready && o.n >= o.min && o.ratio >= 3),
    elevated: options.some((o) => o.n >= 3 && o.ratio >= 2),
    measure: best.measure,
    valueMs: best.value,
    baselineMs: best.baselineMs,
    ratio: best.ratio,
  };
}
