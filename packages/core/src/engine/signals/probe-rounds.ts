/**
 * Probe rounds: the server's probes judged as "k of the last n rounds failed" (a round is one
 * probe call per model, every 15–60 s). A few probes a minute are too few for a share test, and at
 * night, with a call a minute from the apps, they are all the evidence there is.
 */
import { FAILURE_LAYERS, type FailureLayer } from '../../diagnosis/index.js';
import type { ScopeStats } from '../scope-stats.js';
import { PROBE } from '../tuning.js';

/** The last rounds of one model's probes. */
export interface ProbeRounds {
  /** Probe calls counted, newest back, at least `PROBE.rounds` when there were that many. */
  readonly rounds: number;
  readonly failed: number;
  /** Of the newest `PROBE.sustainRounds` rounds, how many failed. */
  readonly recentFailed: number;
  /** Whether the newest round failed. */
  readonly newestFailed: boolean;
  /** The layer most of the rounds' buckets failed in (probes and apps alike), or null. */
  readonly layer: FailureLayer | null;
  /** The first failure of the run of failing rounds (NaN when none). */
  readonly sinceMs: number;
}

/** Reads the last `PROBE.rounds` probe rounds of model scope `s` (undefined: no probes). */
export function readRounds(s: ScopeStats): ProbeRounds | undefined {
  if (s.model === null) return undefined;
  let rounds = 0;
  let failed = 0;
  let recentFailed = 0;
  let running = true;
  let newestFailed: boolean | undefined;
  const fails = new Map<FailureLayer, number>();
  const since = new Map<FailureLayer, number>();
  for (const b of s.recent(PROBE.roundsBuckets)) {
    if (rounds >= PROBE.rounds) break;
    if (b.probes === 0) continue;
    if (rounds < PROBE.sustainRounds)
      recentFailed += Math.min(b.probeFails, PROBE.sustainRounds - rounds);
    newestFailed ??= b.probeFails > 0;
    rounds += b.probes;
    failed += b.probeFails;
    // The run of failing rounds ends at the first round back that all got through.
    running &&= b.probeFails > 0;
    for (const l of FAILURE_LAYERS) {
      if (b.fails[l] === 0) continue;
      fails.set(l, (fails.get(l) ?? 0) + b.fails[l]);
      if (running) since.set(l, b.firstFailMs[l]);
    }
  }
  if (rounds === 0) return undefined;
  let layer: FailureLayer | null = null;
  for (const [l, n] of fails) if (layer === null || n > fails.get(layer)!) layer = l;
  const sinceMs = layer === null ? NaN : (since.get(layer) ?? NaN);
  return { rounds, failed, recentFailed, newestFailed: newestFailed === true, layer, sinceMs };
}

/**
 * While the newest round failed: `raise` on k of the last n rounds failed at the rounds' layer,
 * `sustain` on 2 of the last 3.
 */
export function roundsVerdict(r: ProbeRounds, layer: FailureLayer): 'raise' | 'sustain' | 'clear' {
  // A round that just got through opens nothing and keeps nothing open: the fault may be over.
  if (r.layer !== layer || !r.newestFailed) return 'clear';
  if (r.rounds >= PROBE.rounds && r.failed >= PROBE.roundsFailed) return 'raise';
  return r.recentFailed >= PROBE.sustainFailed ? 'sustain' : 'clear';
}
