/**
 * One time bucket of one scope: counts by layer and reason, first failures, latency, deadlines.
 * Compact: a bucket of successes holds no failure tables, one of failures no histograms; the
 * parts are allocated when a call first needs them, so thousands of quiet scopes stay cheap.
 */
import type { Reason } from '../classify/index.js';
import { FAILURE_LAYERS, perLayer, type FailureLayer } from '../diagnosis/index.js';
import { EMPTY_HISTOGRAM, LatencyHistogram, latencyBin } from './latency-histogram.js';
import type { BucketState } from './engine-state.js';
import { finiteOr, orNull } from './state-numbers.js';

/** A value per failure layer, by name. */
export type LayerTable<T> = Readonly<Record<FailureLayer, T>>;

/** What one call adds to its buckets. */
export interface CallFacts {
  readonly timeMs: number;
  /** The first attempt of a request (retries of one request do not make a burst). */
  readonly first: boolean;
  readonly probe: boolean;
  /** A known-answer check (`checks.golden`) on an answer: passed, failed, or none made. */
  readonly golden?: boolean | undefined;
  readonly timeoutMs: number | undefined;
  /** The layer that failed, or `null` for a success. */
  readonly layer: FailureLayer | null;
  readonly reason: Reason;
  /** What was observed, as an `observedKey` (see observe-call.ts), for failures. */
  readonly observed: string;
  readonly durationMs: number | undefined;
  readonly ttftMs: number | undefined;
  /** `latencyBin` of `durationMs` and of `ttftMs` when the caller computed them once for all scopes. */
  readonly durationBin?: number | undefined;
  readonly ttftBin?: number | undefined;
}

/** Shared by every layer with no failures yet; never written (`bumpIn` replaces it first). */
const NO_COUNTS: ReadonlyMap<never, number> = new Map<never, number>();

/**
 * Failure counts of a bucket, per layer. A layer's reason and observation maps are allocated
 * when it first fails: most failing buckets fail in one layer, and a map costs ~100 bytes.
 */
class Failures {
  readonly fails: Record<FailureLayer, number> = perLayer(() => 0);
  readonly firstFails: Record<FailureLayer, number> = perLayer(() => 0);
  readonly firstFailMs: Record<FailureLayer, number> = perLayer(() => NaN);
  readonly reasons: Record<FailureLayer, ReadonlyMap<Reason, number>> = perLayer(() => NO_COUNTS);
  readonly observed: Record<FailureLayer, ReadonlyMap<string, number>> = perLayer(() => NO_COUNTS);
  probeFails = 0;
  /** Failed known-answer checks, and the first of them. */
  goldenFails = 0;
  firstGoldenFailMs = NaN;
}

/** Adds one to `key` of `table[layer]`, allocating the layer's map on its first count. */
function bumpIn<K>(
  table: Record<FailureLayer, ReadonlyMap<K, number>>,
  layer: FailureLayer,
  key: K,
  n = 1,
): void {
  let map = table[layer];
  if (map === NO_COUNTS) table[layer] = map = new Map<K, number>();
  bump(map as Map<K, number>, key, n);
}

const NO_FAILURES: Readonly<Failures> = Object.freeze(new Failures());
const NO_DEADLINES: ReadonlyMap<number, number> = new Map();

export class Bucket {
  calls = 0;
  /** Calls that were the first attempt of a request. */
  firstAttempts = 0;
  /** Synthetic probe calls (`source: "probe"`). */
  probes = 0;
  /** Answers checked against a known answer (`checks.golden` set). */
  goldenChecks = 0;
  #failures: Failures | undefined;
  #latency: LatencyHistogram | undefined;
  #ttft: LatencyHistogram | undefined;
  #deadlines: Map<number, number> | undefined;

  constructor(public startMs: number) {}

  get fails(): LayerTable<number> {
    return (this.#failures ?? NO_FAILURES).fails;
  }
  /** Failures that were the first attempt. */
  get firstFails(): LayerTable<number> {
    return (this.#failures ?? NO_FAILURES).firstFails;
  }
  get firstFailMs(): LayerTable<number> {
    return (this.#failures ?? NO_FAILURES).firstFailMs;
  }
  get reasons(): LayerTable<ReadonlyMap<Reason, number>> {
    return (this.#failures ?? NO_FAILURES).reasons;
  }
  /** What was observed for each layer's failures (observed keys), for evidence. */
  get observed(): LayerTable<ReadonlyMap<string, number>> {
    return (this.#failures ?? NO_FAILURES).observed;
  }
  /** How many synthetic probes failed. */
  get probeFails(): number {
    return (this.#failures ?? NO_FAILURES).probeFails;
  }
  /** How many known-answer checks failed. */
  get goldenFails(): number {
    return (this.#failures ?? NO_FAILURES).goldenFails;
  }
  /** The time of the first failed known-answer check (NaN when none). */
  get firstGoldenFailMs(): number {
    return (this.#failures ?? NO_FAILURES).firstGoldenFailMs;
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
    if (c.golden !== undefined) this.goldenChecks++;
    if (c.timeoutMs !== undefined)
      bump((this.#deadlines ??= new Map<number, number>()), c.timeoutMs);
    const l = c.layer;
    if (l === null) {
      const d = c.durationMs;
      const t = c.ttftMs;
      if (d !== undefined)
        (this.#latency ??= new LatencyHistogram()).addBin(c.durationBin ?? latencyBin(d));
      if (t !== undefined)
        (this.#ttft ??= new LatencyHistogram()).addBin(c.ttftBin ?? latencyBin(t));
      return;
    }
    const f = (this.#failures ??= new Failures());
    if (c.probe) f.probeFails++;
    if (c.golden === false) {
      f.goldenFails++;
      if (!(f.firstGoldenFailMs <= c.timeMs)) f.firstGoldenFailMs = c.timeMs;
    }
    f.fails[l]++;
    if (c.first) f.firstFails[l]++;
    if (!(f.firstFailMs[l] <= c.timeMs)) f.firstFailMs[l] = c.timeMs;
    bumpIn(f.reasons, l, c.reason);
    bumpIn(f.observed, l, c.observed);
  }

  /** Empties the bucket for reuse at `startMs`, keeping what it allocated (a busy scope reuses it). */
  reset(startMs: number): void {
    this.startMs = startMs;
    this.calls = 0;
    this.firstAttempts = 0;
    this.probes = 0;
    this.goldenChecks = 0;
    const f = this.#failures;
    if (f !== undefined) {
      for (const l of FAILURE_LAYERS) {
        f.fails[l] = 0;
        f.firstFails[l] = 0;
        f.firstFailMs[l] = NaN;
        f.reasons[l] = NO_COUNTS;
        f.observed[l] = NO_COUNTS;
      }
      f.probeFails = 0;
      f.goldenFails = 0;
      f.firstGoldenFailMs = NaN;
    }
    this.#latency?.clear();
    this.#ttft?.clear();
    this.#deadlines?.clear();
  }

  /** The bucket as plain data, for `engine.snapshot()`. */
  toState(): BucketState {
    const f = this.#failures;
    return {
      startMs: this.startMs,
      calls: this.calls,
      firstAttempts: this.firstAttempts,
      probes: this.probes,
      goldenChecks: this.goldenChecks,
      failures:
        f === undefined
          ? null
          : {
              fails: { ...f.fails },
              firstFails: { ...f.firstFails },
              firstFailMs: perLayer((l) => orNull(f.firstFailMs[l])),
              reasons: perLayer((l) => [...f.reasons[l]]),
              observed: perLayer((l) => [...f.observed[l]]),
              probeFails: f.probeFails,
              goldenFails: f.goldenFails,
              firstGoldenFailMs: orNull(f.firstGoldenFailMs),
            },
      latency: this.#latency?.toState() ?? null,
      ttft: this.#ttft?.toState() ?? null,
      deadlines: this.#deadlines === undefined ? null : [...this.#deadlines],
    };
  }

  /** A bucket from `toState()`. */
  static fromState(s: BucketState): Bucket {
    const b = new Bucket(s.startMs);
    b.calls = s.calls;
    b.firstAttempts = s.firstAttempts;
    b.probes = s.probes;
    b.goldenChecks = s.goldenChecks ?? 0;
    if (s.failures !== null) {
      const f = (b.#failures = new Failures());
      const from = s.failures;
      for (const l of FAILURE_LAYERS) {
        f.fails[l] = from.fails[l];
        f.firstFails[l] = from.firstFails[l];
        f.firstFailMs[l] = finiteOr(from.firstFailMs[l], NaN);
        for (const [r, n] of from.reasons[l]) bumpIn(f.reasons, l, r, n);
        for (const [o, n] of from.observed[l]) bumpIn(f.observed, l, o, n);
      }
      f.probeFails = from.probeFails;
      f.goldenFails = from.goldenFails ?? 0;
      f.firstGoldenFailMs = finiteOr(from.firstGoldenFailMs ?? null, NaN);
    }
    if (s.latency !== null) b.#latency = LatencyHistogram.fromState(s.latency);
    if (s.ttft !== null) b.#ttft = LatencyHistogram.fromState(s.ttft);
    if (s.deadlines !== null) b.#deadlines = new Map(s.deadlines);
    return b;
  }
}

/** Adds `n` to a counter map. */
export function bump<K>(map: Map<K, number>, key: K, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}
