/**
 * A burst in the newest part of the detection window. A fault that began 20–40 s ago fills only
 * part of the minute-long window, so the window's share is diluted by the healthy calls before
 * it; at 1 request/s a 30% model-layer fault took two minutes to show. Testing the newest 2–5
 * buckets too (a scan statistic), each at a stricter level for the extra tests, finds it within
 * the minute while noise stays quiet.
 */
import type { FailureLayer } from '../diagnosis/index.js';
import type { Bucket } from './bucket.js';
import { logTailProbability } from './significance.js';

/** ln(1e-6 / 5): the raise level shared by the window and the four shorter spans it also tests. */
const LOG_P_BURST = Math.log(1e-6 / 5);

/**
 * True when the newest `k` buckets (2 ≤ k < buckets.length), newest first, hold a burst of
 * `layer` failures: at least 3 failures, 2 of them first attempts, a share at least 4× and 4
 * points above `baseline` (already floored), and first-attempt failures among first attempts
 * with a tail probability at most `LOG_P_BURST`.
 */
export function recentBurst(
  buckets: readonly Bucket[],
  layer: FailureLayer,
  baseline: number,
): boolean {
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
    if (k === 0 || fails < 3 || firstFails < 2) continue;
    if (fails / calls < Math.max(4 * baseline, baseline + 0.04)) continue;
    // Requests are the trials, as in the window's test (assess.ts), not an SDK's retries.
    if (logTailProbability(firstFails, firstAttempts, baseline) <= LOG_P_BURST) return true;
  }
  return false;
}
