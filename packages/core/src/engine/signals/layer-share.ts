/**
 * Is a layer's failure share in a window anomalous for this scope? Fast on big failures, quiet on
 * noise at any volume: enough distinct failures (retries of one request are not a burst), a share
 * well above the learned baseline, and a binomial-tail test so low volumes need strong evidence.
 */
import type { FailureLayer } from '../../diagnosis/index.js';
import type { Bucket } from '../bucket.js';
import type { LayerAssessment } from '../scope-eval.js';
import type { WindowStats } from '../scope-stats.js';
import { FAILURE_SHARE, SHARE_BASELINE } from '../tuning.js';
import { recentBurst } from './recent-burst.js';
import { logTailProbability } from './significance.js';

/** At least `ratio`× the baseline and `points` above it. */
export function above(
  share: number,
  baseline: number,
  t: { ratio: number; points: number },
): boolean {
  return share >= Math.max(t.ratio * baseline, baseline + t.points);
}

/**
 * Assesses `layer` in window `w` against `learned` (the scope's baseline share); `buckets` are
 * the window's buckets, newest first, tested for a burst in their newest part (recent-burst.ts).
 * A provider's scope pools calls its `pooled` models are tested on already: the raise level is
 * shared over them (Bonferroni), or a provider with three models raised on noise three times as
 * often as each model (scenario status-page-lags, seed 1: 14 of 190 truncations and refusals
 * against 1.35% raised a false model-layer incident at p ≈ 5·10⁻⁷).
 */
export function assessLayer(
  w: WindowStats,
  layer: FailureLayer,
  learned: number,
  buckets: readonly Bucket[] = [],
  pooled = 1,
): LayerAssessment {
  const { raise, elevated: keep, member: join } = FAILURE_SHARE;
  const baseline = Math.max(learned, SHARE_BASELINE.floor[layer]);
  const fails = w.fails[layer];
  const share = w.calls === 0 ? 0 : fails / w.calls;
  // Requests, not attempts, are the trials: an SDK retrying one failed request twice is one
  // failure, so the test counts first attempts (all calls when records carry no attempt).
  const firstFails = w.firstFails[layer];
  const logP = firstFails === 0 ? 0 : logTailProbability(firstFails, w.firstAttempts, baseline);
  const stricter = Math.log(Math.max(1, pooled));
  const burst = recentBurst(buckets, layer, baseline, FAILURE_SHARE.burstLogP - stricter);
  const anomalous =
    burst ||
    (fails >= raise.failures &&
      firstFails >= raise.firstFailures &&
      above(share, baseline, raise) &&
      logP <= raise.logP - stricter);
  const elevated =
    burst || (fails >= keep.failures && above(share, baseline, keep) && logP <= keep.logP);
  const member = burst || (elevated && above(share, baseline, join) && logP <= join.logP);
  return { share, baseline, logP, anomalous, elevated, member };
}
