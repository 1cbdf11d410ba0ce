/**
 * Is a layer's failure share in a window anomalous for this scope? Fast on big failures, quiet on
 * noise at any volume: enough distinct failures (retries of one request are not a burst), a share
 * well above the learned baseline, and a binomial-tail test so low volumes need strong evidence.
 */
import type { WindowStats } from './scope-stats.js';
import { logTailProbability } from './significance.js';

/** Lowest baseline per layer (integration, network, provider, model), whatever was learned. */
const FLOOR = [0.003, 0.002, 0.004, 0.012];
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

/** Assesses layer `i` in window `w` against `learned` (the scope's baseline share). */
export function assessLayer(w: WindowStats, i: number, learned: number): LayerAssessment {
  const baseline = Math.max(learned, FLOOR[i]!);
  const fails = w.fails[i]!;
  const share = w.calls === 0 ? 0 : fails / w.calls;
  const logP = fails === 0 ? 0 : logTailProbability(fails, w.calls, baseline);
  const anomalous =
    fails >= 3 &&
    w.firstFails[i]! >= 2 &&
    share >= Math.max(4 * baseline, baseline + 0.04) &&
    logP <= LOG_P_RAISE;
  // Significant too (p ≤ 1%), or background noise alone would keep an incident open for ever.
  const elevated =
    fails >= 2 && share >= Math.max(2.5 * baseline, baseline + 0.02) && logP <= LOG_P_ELEVATED;
  const member =
    elevated && share >= Math.max(3 * baseline, baseline + 0.03) && logP <= LOG_P_MEMBER;
  return { share, baseline, logP, anomalous, elevated, member };
}

/** Median latency well above its baseline: `slow` when ≥ 3×, elevated when ≥ 2×. */
export function assessLatency(
  w: WindowStats,
  baselineP50Ms: number,
): { anomalous: boolean; elevated: boolean; p50: number; p95: number; ratio: number } {
  const p50 = w.latency.quantile(0.5);
  const p95 = w.latency.quantile(0.95);
  const ratio = Number.isNaN(baselineP50Ms) || Number.isNaN(p50) ? 1 : p50 / baselineP50Ms;
  const enough = w.latency.total >= 8;
  return {
    anomalous: enough && ratio >= 3,
    elevated: w.latency.total >= 3 && ratio >= 2,
    p50,
    p95,
    ratio,
  };
}
