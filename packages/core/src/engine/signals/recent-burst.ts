/**
 * A burst in the newest part of the detection window. A fault that began 20–40 s ago fills only
 * part of the minute-long window, so the window's share is diluted by the healthy calls before
 * it; at 1 request/s a 30% model-layer fault took two minutes to show. Testing the newest 2–5
 * buckets too (a scan statistic), each at a stricter level for the extra tests, finds it within
 * the minute while noise stays quiet.
 */
import type { FailureLayer } from '../../diagnosis/index.js';
import type { Bucket } from '../bucket.js';
import { FAILURE_SHARE } from '../tuning.js';
import { logTailProbability } from './significance.js';

/**
 * True when the newest `k` buckets (2 ≤ k < buckets.length), newest first, hold a burst of
 * `layer` failures: the window's raise test (`FAILURE_SHARE.raise`) on them, with first-attempt
 * failures among first attempts at a tail probability of at most `burstLogP` (a natural log).
 */
export function recentBurst(
  buckets: readonly Bucket[],
  layer: FailureLayer,
  baseline: number,
  burstLogP: number = FAILURE_SHARE.burstLogP,
): boolean {
  const { raise } = FAILURE_SHARE;
  let calls = 0;
  let fails = 0;
  let firstAttempts = 0;
  let firstFails = 0;
  for (let k = 0; k < buckets.length - 1; k++) {
    const b = buckets[k]!;
    calls += b.calls;
    fails += b.fails[layer];
    firstAttempts += b.firstAttempts;
    firstFails += b.firstFails[layer];
    if (k === 0 || fails < raise.failures || firstFails < raise.firstFailures) continue;
    if (fails / calls < Math.max(raise.ratio * baseline, baseline + raise.points)) continue;
    // Requests are the trials, as in the window's test (layer-share.ts), not an SDK's retries.
    if (logTailProbability(firstFails, firstAttempts, baseline) <= burstLogP) return true;
  }
  return false;
}
