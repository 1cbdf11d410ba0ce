/**
 * Golden canaries: known-answer prompts (`checks.golden`) whose answers stopped matching. A few
 * checks a minute per model, so the test is "k of the last few failed", not a share of traffic.
 */
import type { FailureLayer } from '../diagnosis/index.js';
import type { CallRecord } from '../records/index.js';
import type { ScopeStats } from './scope-stats.js';
import { logTailProbability } from './significance.js';

/** Five minutes of buckets: the checks a raise is judged on (10 at one probe per 30 s). */
const RAISE_BUCKETS = 30;
/** Two minutes: still failing keeps an incident open; a recovered model resolves soon. */
const ELEVATED_BUCKETS = 12;
/** Failure share of known-answer checks on a healthy model (a generous allowance for flukes). */
const BASELINE = 0.05;
/** ln(5e-3): 3 failures of 3–6 checks pass (with half failing); 3 of 10 do not. */
const LOG_P_RAISE = Math.log(5e-3);
/** How many passes in a row end the walk back to a regression's start. */
const PASSES_END_RUN = 3;

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
 * three passes in a row, at most five minutes) raises; the last two minutes keep it open.
 */
export function assessGolden(s: ScopeStats): GoldenAssessment {
  let checks = 0;
  let failed = 0;
  let recentChecks = 0;
  let recentFailed = 0;
  let sinceMs = NaN;
  let passes = 0;
  let i = 0;
  for (const b of s.recent(RAISE_BUCKETS)) {
    i++;
    if (b.goldenChecks === 0) continue;
    if (i <= ELEVATED_BUCKETS) {
      recentChecks += b.goldenChecks;
      recentFailed += b.goldenFails;
    }
    if (passes >= PASSES_END_RUN) continue;
    if (b.goldenFails > 0) {
      passes = 0;
      sinceMs = b.firstGoldenFailMs;
      failed += b.goldenFails;
      checks += b.goldenChecks;
    } else {
      passes += b.goldenChecks;
      // Passes after the run's first failure belong to it; those before it end it.
      if (passes < PASSES_END_RUN) checks += b.goldenChecks;
    }
  }
  // The passes counted just before the run's first failure are not part of it.
  if (passes > 0 && passes < PASSES_END_RUN) checks -= passes;
  const elevated = recentFailed >= 2 && recentFailed / recentChecks >= 0.3;
  const anomalous =
    elevated &&
    failed >= 3 &&
    failed / checks >= 0.5 &&
    logTailProbability(failed, checks, BASELINE) <= LOG_P_RAISE;
  return { anomalous, elevated, failed, checks, sinceMs };
}
