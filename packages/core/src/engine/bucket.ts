/**
 * One time bucket of one scope: counts by layer and reason, first failures, latency, deadlines.
 * Compact: a bucket of successes holds no failure tables, one of failures no histograms; the
 * parts are allocated when a call first needs them, so thousands of quiet scopes stay cheap.
 */
import type { Reason } from '../classify/index.js';
import { EMPTY_HISTOGRAM, LatencyHistogram } from './latency-histogram.js';

/** The failure layers, indexed 0..3 in buckets. */
export const FAILURE_LAYERS = ['integration', 'network', 'provider', 'model'] as const;
export type FailureLayer = (typeof FAILURE_LAYERS)[number];

/** What one call adds to its buckets. */
export interface CallFacts {
  readonly timeMs: number;
  /** The first attempt of a request (retries of one request do not make a burst). */
  readonly first: boolean;
  readonly probe: boolean;
  readonly timeoutMs: number | undefined;
  /** Index into FAILURE_LAYERS, or -1 for a success. */
  readonly layer: number;
  readonly reason: Reason;
  /** What was observed ("HTTP 529 overloaded_error"), for failures. */
  readonly observed: string;
  readonly durationMs: number | undefined;
  readonly ttftMs: number | undefined;
}

/** Failure counts of a bucket, per layer. */
class Failures {
  readonly fails = [0, 0, 0, 0];
  readonly firstFails = [0, 0, 0, 0];
  readonly firstFailMs = [NaN, NaN, NaN, NaN];
  readonly reasons = [0, 1, 2, 3].map(() => new Map<Reason, number>());
  readonly observed = [0, 1, 2, 3].map(() => new Map<string, number>());
  probeFails = 0;
}

const NO_FAILURES: Readonly<Failures> = Object.freeze(new Failures());
const NO_DEADLINES: ReadonlyMap<number, number> = new Map();

export class Bucket {
  calls = 0;
  /** Calls that were the first attempt of a request. */
  firstAttempts = 0;
  /** Synthetic probe calls (`source: "probe"`). */
  probes = 0;
  #failures: Failures | undefined;
  #latency: LatencyHistogram | undefined;
  #ttft: LatencyHistogram | undefined;
  #deadlines: Map<number, number> | undefined;

  constructor(public startMs: number) {}

  get fails(): readonly number[] {
    return (this.#failures ?? NO_FAILURES).fails;
  }
  /** Failures that were the first attempt. */
  get firstFails(): readonly number[] {
    return (this.#failures ?? NO_FAILURES).firstFails;
  }
  get firstFailMs(): readonly number[] {
    return (this.#failures ?? NO_FAILURES).firstFailMs;
  }
  get reasons(): ReadonlyArray<ReadonlyMap<Reason, number>> {
    return (this.#failures ?? NO_FAILURES).reasons;
  }
  /** What was observed for each layer's failures ("HTTP 529 overloaded_error"), for evidence. */
  get observed(): ReadonlyArray<ReadonlyMap<string, number>> {
    return (this.#failures ?? NO_FAILURES).observed;
  }
  /** How many synthetic probes failed. */
  get probeFails(): number {
    return (this.#failures ?? NO_FAILURES).probeFails;
  }
  /** Successful calls' durations. */
  get latency(): LatencyHistogram {
    return this.#latency ?? EMPTY_HISTOGRAM;
  }
  /** Successful streams' time to first token. */
  get ttft(): LatencyHistogram {
    return this.#ttft ?? EMPTY_HISTOGRAM;
  }
  /** Deadlines in force (timeout_ms) → calls. */
  get deadlines(): ReadonlyMap<number, number> {
    return this.#deadlines ?? NO_DEADLINES;
  }

  /** Counts one call. */
  add(c: CallFacts): void {
    this.calls++;
    if (c.first) this.firstAttempts++;
    if (c.probe) this.probes++;
    if (c.timeoutMs !== undefined)
      bump((this.#deadlines ??= new Map<number, number>()), c.timeoutMs);
    const i = c.layer;
    if (i === -1) {
      if (c.durationMs !== undefined) (this.#latency ??= new LatencyHistogram()).add(c.durationMs);
      if (c.ttftMs !== undefined) (this.#ttft ??= new LatencyHistogram()).add(c.ttftMs);
      return;
    }
    const f = (this.#failures ??= new Failures());
    if (c.probe) f.probeFails++;
    f.fails[i]!++;
    if (c.first) f.firstFails[i]!++;
    if (!(f.firstFailMs[i]! <= c.timeMs)) f.firstFailMs[i] = c.timeMs;
    bump(f.reasons[i]!, c.reason);
    bump(f.observed[i]!, c.observed);
  }

  /** Empties the bucket for reuse at `startMs`, keeping what it allocated (a busy scope reuses it). */
  reset(startMs: number): void {
    this.startMs = startMs;
    this.calls = 0;
    this.firstAttempts = 0;
    this.probes = 0;
    const f = this.#failures;
    if (f !== undefined) {
      for (let i = 0; i < 4; i++) {
        f.fails[i] = 0;
        f.firstFails[i] = 0;
        f.firstFailMs[i] = NaN;
        f.reasons[i]!.clear();
        f.observed[i]!.clear();
      }
      f.probeFails = 0;
    }
    this.#latency?.clear();
    this.#ttft?.clear();
    this.#deadlines?.clear();
  }
}

/** Adds `n` to a counter map. */
export function bump<K>(map: Map<K, number>, key: K, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}
