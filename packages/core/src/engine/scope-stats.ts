/** The recent history of one scope (a model, or a provider): its recent buckets and its baselines. */
import { FAILURE_LAYERS, perLayer, type FailureLayer } from '../diagnosis/index.js';
import { Bucket, type CallFacts, type LayerTable } from './bucket.js';
import type { ScopeState } from './engine-state.js';
import { LatencyBaseline } from './latency-baseline.js';
import { finiteOr, orNull } from './state-numbers.js';
import { sumBuckets, type WindowStats } from './window-stats.js';
import { LATENCY, SHARE_BASELINE, TIME } from './tuning.js';

export type { WindowStats };

export const BUCKET_MS = TIME.bucketMs;
/** Ten minutes of buckets. */
const RING = TIME.ringBuckets;
/** How far back any window looks: a scope with no call for this long holds no data of use. */
export const HORIZON_MS = RING * BUCKET_MS;

/** Priors and forgetting of failure shares: see `SHARE_BASELINE` in tuning.ts. */
const PRIOR_SHARE = SHARE_BASELINE.prior;
const PRIOR_CALLS: number = SHARE_BASELINE.priorCalls;
const DECAY = SHARE_BASELINE.keepPerBucket;

/** The engine's clock, shared by every scope: the start of the bucket records go into now. */
export interface BucketClock {
  startMs: number;
}

export class ScopeStats {
  /**
   * Buckets that hold calls, oldest first, none older than `HORIZON_MS`: a scope that saw one
   * call holds one bucket, not a ring of sixty slots. Emptied when the scope goes quiet.
   */
  #ring: Bucket[] = [];
  /** Volume-weighted EWMA of failures and calls per layer, from healthy buckets only. */
  readonly #baseFails = perLayer((l) => PRIOR_SHARE[l] * PRIOR_CALLS);
  readonly #baseCalls = perLayer(() => PRIOR_CALLS);
  /** Healthy buckets' median latency, p95 latency and median time to first token. */
  readonly p50 = new LatencyBaseline();
  readonly p95 = new LatencyBaseline();
  readonly ttft = new LatencyBaseline();
  /** The deadline in force (most calls' timeout_ms), the one before it, and when it changed. */
  deadlineMs = NaN;
  previousDeadlineMs = NaN;
  deadlineChangedMs = -Infinity;
  /** The start of the newest bucket that holds a call. */
  lastBucketMs = -Infinity;
  #sinceMs: number;

  constructor(
    readonly provider: string,
    readonly model: string | null,
    private readonly clock: BucketClock,
  ) {
    this.#sinceMs = clock.startMs;
  }

  /** Counts one call in the current bucket. */
  add(c: CallFacts): void {
    const startMs = this.clock.startMs;
    const ring = this.#ring;
    let b = ring[ring.length - 1];
    if (b === undefined || b.startMs !== startMs) {
      // Buckets no window can see go; a busy scope reuses one rather than allocate.
      let stale: Bucket | undefined;
      while (ring[0] !== undefined && ring[0].startMs <= startMs - HORIZON_MS) stale = ring.shift();
      if (stale === undefined) b = new Bucket(startMs);
      else {
        stale.reset(startMs);
        b = stale;
      }
      ring.push(b);
    }
    b.add(c);
    this.lastBucketMs = startMs;
  }

  /** True when no bucket in the ring holds a call: nothing but the baselines is worth keeping. */
  quietSince(nowMs: number): boolean {
    return nowMs - this.lastBucketMs >= HORIZON_MS;
  }

  /** Drops the buckets of a quiet scope (their calls are older than any window). */
  release(): void {
    this.#ring = [];
  }

  /**
   * The last `n` buckets before the current one (closed buckets), newest first, back to when the
   * scope was created; a time with no calls is an empty bucket.
   */
  *recent(n: number): Generator<Bucket> {
    const now = this.clock.startMs;
    const ring = this.#ring;
    let k = ring.length - 1;
    for (let i = 1; i <= Math.min(n, RING - 1); i++) {
      const startMs = now - i * BUCKET_MS;
      if (startMs < this.#sinceMs) return;
      while (k >= 0 && ring[k]!.startMs > startMs) k--;
      const b = ring[k];
      yield b !== undefined && b.startMs === startMs ? b : new Bucket(startMs);
    }
  }

  /** Sums of the last `n` closed buckets. */
  window(n: number): WindowStats {
    return sumBuckets(this.recent(n));
  }

  /** The learned failure share of `layer`. */
  baseline(layer: FailureLayer): number {
    return this.#baseFails[layer] / this.#baseCalls[layer];
  }

  /**
   * Learns from a closed bucket `b`, the newest of `window`; layers in an anomaly or incident are
   * skipped. The p95 is learned from the window's calls, as it is judged (see `LATENCY.minCalls`).
   */
  learn(
    b: Bucket,
    skipLayer: LayerTable<boolean>,
    skipLatency: boolean,
    window: WindowStats,
  ): void {
    if (b.calls === 0) return;
    for (const l of FAILURE_LAYERS) {
      if (skipLayer[l]) continue;
      this.#baseFails[l] = this.#baseFails[l] * DECAY + b.fails[l];
      this.#baseCalls[l] = this.#baseCalls[l] * DECAY + b.calls;
    }
    if (skipLatency) {
      // Calls seen but not learned from: the baselines grow staler (see latency-baseline.ts).
      this.p50.fade();
      this.p95.fade();
      this.ttft.fade();
      return;
    }
    const min = LATENCY.learnCalls;
    // Medians are learned a window late, from its oldest bucket: a bucket is normal only once the
    // minute after it looked normal too, so a creep's first slow buckets (1.2×, too close to
    // normal to tell alone) are not learned before the drift shows (scenario latency-creep).
    let old: Bucket | undefined;
    let seen = 0;
    for (const x of this.recent(TIME.windowBuckets)) {
      old = x;
      seen++;
    }
    // A scope younger than a window has no bucket a minute old: each would be learned again.
    if (old === undefined || seen < TIME.windowBuckets) return;
    if (old.latency.total >= min.median) this.p50.offer(old.latency.quantile(0.5));
    // A p95 of a bucket's 10–30 calls reads low against a window's of 60 or more (its top rank
    // falls short of the tail), so the window's p95 read 5–10% high on normal traffic and a creep
    // at 2.8× passed for 3× (scenario latency-creep). The window's own p95 is the fair baseline.
    if (window.latency.total >= LATENCY.minCalls.p95) this.p95.offer(window.latency.quantile(0.95));
    if (old.ttft.total >= min.ttft) this.ttft.offer(old.ttft.quantile(0.5));
  }

  /** The learned median latency (NaN before any). */
  get baselineP50Ms(): number {
    return this.p50.valueMs;
  }
  /** The learned median time to first token (NaN before any). */
  get baselineTtftMs(): number {
    return this.ttft.valueMs;
  }

  /** The deadline in force is a fact, not a baseline: noted as each bucket closes, incident or not. */
  noteDeadline(b: Bucket): void {
    const deadline = mode(b.deadlines);
    if (deadline === undefined || deadline === this.deadlineMs) return;
    if (!Number.isNaN(this.deadlineMs)) {
      this.previousDeadlineMs = this.deadlineMs;
      this.deadlineChangedMs = b.startMs;
    }
    this.deadlineMs = deadline;
  }

  /** The scope as plain data, for `engine.snapshot()`. */
  toState(): ScopeState {
    return {
      model: this.model,
      sinceMs: orNull(this.#sinceMs),
      ring: this.#ring.length === 0 ? null : this.#ring.map((b) => b.toState()),
      baseFails: { ...this.#baseFails },
      baseCalls: { ...this.#baseCalls },
      latencyBaselines: {
        p50: this.p50.toState(),
        p95: this.p95.toState(),
        ttft: this.ttft.toState(),
      },
      deadlineMs: orNull(this.deadlineMs),
      previousDeadlineMs: orNull(this.previousDeadlineMs),
      deadlineChangedMs: orNull(this.deadlineChangedMs),
      lastBucketMs: orNull(this.lastBucketMs),
    };
  }

  /** A scope of `provider` from `toState()`, on the engine's `clock`. */
  static fromState(provider: string, s: ScopeState, clock: BucketClock): ScopeStats {
    const scope = new ScopeStats(provider, s.model, clock);
    scope.#sinceMs = finiteOr(s.sinceMs, NaN);
    if (s.ring !== null)
      scope.#ring = s.ring.map((b) => Bucket.fromState(b)).sort((a, b) => a.startMs - b.startMs);
    for (const l of FAILURE_LAYERS) {
      scope.#baseFails[l] = s.baseFails[l];
      scope.#baseCalls[l] = s.baseCalls[l];
    }
    const latency = s.latencyBaselines as ScopeState['latencyBaselines'] | undefined;
    for (const k of ['p50', 'p95', 'ttft'] as const) scope[k].restore(latency?.[k]);
    scope.deadlineMs = finiteOr(s.deadlineMs, NaN);
    scope.previousDeadlineMs = finiteOr(s.previousDeadlineMs, NaN);
    scope.deadlineChangedMs = finiteOr(s.deadlineChangedMs, -Infinity);
    scope.lastBucketMs = finiteOr(s.lastBucketMs, -Infinity);
    return scope;
  }
}

/** The most frequent key of a counter map. */
export function mode<K>(map: ReadonlyMap<K, number>): K | undefined {
  let best: K | undefined;
  let count = 0;
  for (const [k, v] of map) {
    if (v > count) {
      best = k;
      count = v;
    }
  }
  return best;
}
