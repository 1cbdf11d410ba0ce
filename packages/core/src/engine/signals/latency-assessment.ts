/** Latency far above its baseline: median, p95 and time to first token of a scope's last minute. */
import type { LatencyMeasure } from '../../diagnosis/index.js';
import type { LatencyBaseline } from '../latency-baseline.js';
import type { WindowStats } from '../scope-stats.js';
import { LATENCY } from '../tuning.js';

/** A latency signal far above its baseline, by the measure that shows it most. */
export interface LatencyAssessment {
  /** ≥ 3× the baseline on enough calls: the provider is slow. */
  readonly anomalous: boolean;
  /** ≥ 2×: keeps a slow incident open. */
  readonly elevated: boolean;
  /** ≥ 1.5× on enough calls: not normal, so not learned from (`LATENCY.driftRatio`). */
  readonly drifting: boolean;
  readonly measure: LatencyMeasure;
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
 * Median latency, p95 latency and median time to first token, each on enough calls
 * (`LATENCY.minCalls`), against their learned baselines; the largest ratio speaks. Only a
 * baseline with enough recent healthy data behind it (`ready`) can raise; any can keep one open.
 */
export function assessLatency(w: WindowStats, base: LatencyBaselines): LatencyAssessment {
  const { minCalls } = LATENCY;
  const options = [
    {
      measure: 'median_latency' as const,
      n: w.latency.total,
      min: minCalls.median,
      value: w.latency.quantile(0.5),
      baseline: base.p50,
    },
    {
      measure: 'p95_latency' as const,
      n: w.latency.total,
      min: minCalls.p95,
      value: w.latency.quantile(0.95),
      baseline: base.p95,
    },
    {
      measure: 'ttft' as const,
      n: w.ttft.total,
      min: minCalls.ttft,
      value: w.ttft.quantile(0.5),
      baseline: base.ttft,
    },
  ].map((o) => ({
    ...o,
    baselineMs: o.baseline.valueMs,
    ratio: o.n === 0 || Number.isNaN(o.baseline.valueMs) ? 0 : o.value / o.baseline.valueMs,
  }));
  const best = options.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  // The p95 is for a slow tail over a normal body. A window's p95 stands on its 3–7 slowest
  // calls (±10–15%), its median on all (±5%): when the body moved too (median at 2× or more),
  // the median judges, or a creep at 2.6× read 3× at p95 (scenario latency-creep, seed 4).
  const median = options[0]!;
  const bodyMoved = median.n >= median.min && median.ratio >= LATENCY.elevatedRatio;
  // A slowdown of a few milliseconds is no incident, whatever its ratio (`LATENCY.minExcessMs`).
  const felt = (o: (typeof options)[number]): boolean =>
    o.value - o.baselineMs >= LATENCY.minExcessMs;
  return {
    anomalous: options.some(
      (o) =>
        o.baseline.ready &&
        o.n >= o.min &&
        o.ratio >= LATENCY.slowRatio &&
        felt(o) &&
        (o.measure !== 'p95_latency' || !bodyMoved),
    ),
    elevated: options.some(
      (o) => o.n >= LATENCY.elevatedCalls && o.ratio >= LATENCY.elevatedRatio && felt(o),
    ),
    drifting: options.some((o) => o.n >= o.min && o.ratio >= LATENCY.driftRatio),
    measure: best.measure,
    valueMs: best.value,
    baselineMs: best.baselineMs,
    ratio: best.ratio,
  };
}
