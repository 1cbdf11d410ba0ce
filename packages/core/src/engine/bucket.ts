/** One time bucket of one scope: counts by layer and reason, first failures, latency, deadlines. */
import type { Reason } from '../classify/index.js';
import { LatencyHistogram } from './latency-histogram.js';

/** The failure layers, indexed 0..3 in buckets. */
export const FAILURE_LAYERS = ['integration', 'network', 'provider', 'model'] as const;
export type FailureLayer = (typeof FAILURE_LAYERS)[number];

export class Bucket {
  startMs = -1;
  calls = 0;
  /** Calls that were the first attempt of a request. */
  firstAttempts = 0;
  readonly fails = [0, 0, 0, 0];
  /** Failures that were the first attempt: retries of one request do not make a burst. */
  readonly firstFails = [0, 0, 0, 0];
  readonly firstFailMs = [NaN, NaN, NaN, NaN];
  readonly reasons: Array<Map<Reason, number>> = [0, 1, 2, 3].map(() => new Map<Reason, number>());
  /** What was observed for each layer's failures ("HTTP 529 overloaded_error"), for evidence. */
  readonly observed: Array<Map<string, number>> = [0, 1, 2, 3].map(() => new Map<string, number>());
  /** Successful calls' durations, and their time to first token (streams). */
  readonly latency = new LatencyHistogram();
  readonly ttft = new LatencyHistogram();
  /** Synthetic probe calls (`source: "probe"`) and how many of them failed. */
  probes = 0;
  probeFails = 0;
  /** Deadlines in force (timeout_ms) → calls. */
  readonly deadlines = new Map<number, number>();

  reset(startMs: number): void {
    this.startMs = startMs;
    this.calls = 0;
    this.firstAttempts = 0;
    for (let i = 0; i < 4; i++) {
      this.fails[i] = 0;
      this.firstFails[i] = 0;
      this.firstFailMs[i] = NaN;
      this.reasons[i]!.clear();
      this.observed[i]!.clear();
    }
    this.latency.clear();
    this.ttft.clear();
    this.probes = 0;
    this.probeFails = 0;
    this.deadlines.clear();
  }
}

/** Adds `n` to a counter map. */
export function bump<K>(map: Map<K, number>, key: K, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}
