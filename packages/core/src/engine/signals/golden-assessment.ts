/**
 * Golden canaries: known-answer prompts (`checks.golden`) whose answers stopped matching. A few
 * checks a minute per model, so the test is "k of the last few failed", not a share of traffic.
 */
import type { FailureLayer } from '../../diagnosis/index.js';
import type { CallRecord } from '../../records/index.js';
import type { ScopeStats } from '../scope-stats.js';
import { GOLDEN } from '../tuning.js';
import { logTailProbability } from './significance.js';

/** What a known-answer check on `rec` said: only an answer (HTTP 200, model layer) is checked. */
export function goldenOf(rec: CallRecord, layer: FailureLayer | null): boolean | undefined {
  const g = rec.checks?.golden;
  if (typeof g !== 'boolean') return undefined;
  return layer === null || layer === 'model' ? g : undefined;
}

/** The known-answer checks of one model scope, judged. */
export interface GoldenAssessment {
  /** Enough failed checks, unlikely for a healthy model: raises a model-layer incident. */
  readonly anomalous: boolean;
  /** Still failing in the last two minutes: keeps one open. */
  readonly elevated: boolean;
  readonly failed: number;
  readonly checks: number;
  /** The first failure of the current run (NaN when none). */
  readonly sinceMs: number;
}

/**
 * Judges the known-answer checks in `s`'s recent buckets: the current run of failures (back to
 * `GOLDEN.passesEndRun` passes in a row, at most five minutes) raises; the last two minutes keep it open.
 */
export function assessGolden(s: ScopeStats): GoldenAssessment {
  let checks = 0;
  let failed = 0;
  let recentChecks = 0;
  let recentFailed = 0;
  let sinceMs = NaN;
  // Passes walked back over since the last failure seen: part of the run only if an older
  // failure follows, so those before the run's first failure are never counted (however the walk
  // ends: three passes in a row, or the five minutes).
  let passes = 0;
  let i = 0;
  for (const b of s.recent(GOLDEN.raiseBuckets)) {
    i++;
    if (b.goldenChecks === 0) continue;
    if (i <= GOLDEN.elevatedBuckets) {
      recentChecks += b.goldenChecks;
      recentFailed += b.goldenFails;
    }
    if (passes >= GOLDEN.passesEndRun) continue;
    if (b.goldenFails > 0) {
      checks += passes + b.goldenChecks;
      failed += b.goldenFails;
      sinceMs = b.firstGoldenFailMs;
      passes = 0;
    } else passes += b.goldenChecks;
  }
  const elevated =
    recentFailed >= GOLDEN.elevatedFailed && recentFailed / recentChecks >= GOLDEN.elevatedShare;
  const anomalous =
    elevated &&
    failed >= GOLDEN.minFailed &&
    failed / checks >= GOLDEN.minShare &&
    logTailProbability(failed, checks, GOLDEN.baseline) <= GOLDEN.logP;
  return { anomalous, elevated, failed, checks, sinceMs };
}
