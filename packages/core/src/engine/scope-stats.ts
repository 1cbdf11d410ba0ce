/** The recent history of one scope (a model, or a provider): a ring of buckets and its baselines. */
import { FAILURE_LAYERS, perLayer, type FailureLayer } from '../diagnosis/index.js';
import { Bucket, type CallFacts, type LayerTable } from './bucket.js';
import type { ScopeState } from './engine-state.js';
import { finiteOr, orNull } from './state-numbers.js';
import { sumBuckets, type WindowStats } from './window-stats.js';

export type { WindowStats };

export const BUCKET_MS = 10_000;
/** Ten minutes of buckets. */
const RING = 60;
/** How far back any window looks: a scope with no call for this long holds no data of use. */
export const HORIZON_MS = RING * BUCKET_MS;

/** Prior failure shares per layer, before a scope has history (background rates, incidents.md). */
const PRIOR_SHARE: LayerTable<number> = {
  integration: 0.005,
  network: 0.003,
  provider: 0.006,
  model: 0.02,
};
const PRIOR_CALLS = 400;
/** Baselines forget with a half-life of about 30 minutes of buckets. */
const DECAY = Math.pow(0.5, 1 / 180);

/** The engine's clock, shared by every scope: the start of the bucket records go into now. */
export interface BucketClock {
  startMs: number;
}

export class ScopeStats {
  /** Buckets by time slot, allocated when a call lands in one; dropped when the scope goes quiet. */
  #ring: Array<Bucket | undefined> | undefined;
  /** Volume-weighted EWMA of failures and calls per layer, from healthy buckets only. */
  readonly #baseFails = perLayer((l) => PRIOR_SHARE[l] * PRIOR_CALLS);
  readonly #baseCalls = perLayer(() => PRIOR_CALLS);
  /** EWMA of healthy buckets' median latency, and the deadline in force when healthy. */
  baselineP50Ms = NaN;
  /** EWMA of healthy buckets' p95 latency and median time to first token. */
  baselineP95Ms = NaN;
  baselineTtftMs = NaN;
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
    const ring = (this.#ring ??= new Array<Bucket | undefined>(RING));
    const slot = slotOf(startMs);
    const b = ring[slot];
    if (b === undefined) ring[slot] = new Bucket(startMs);
    else if (b.startMs !== startMs) b.reset(startMs);
    ring[slot]!.add(c);
    this.lastBucketMs = startMs;
  }

  /** True when no bucket in the ring holds a call: nothing but the baselines is worth keeping. */
  quietSince(nowMs: number): boolean {
    return nowMs - this.lastBucketMs >= HORIZON_MS;
  }

  /** Drops the buckets of a quiet scope (their calls are older than any window). */
  release(): void {
    this.#ring = undefined;
  }

  /**
   * The last `n` buckets before the current one (closed buckets), newest first, back to when the
   * scope was created; a time with no calls is an empty bucket.
   */
  *recent(n: number): Generator<Bucket> {
    const now = this.clock.startMs;
    for (let i = 1; i <= Math.min(n, RING - 1); i++) {
      const startMs = now - i * BUCKET_MS;
      if (startMs < this.#sinceMs) return;
      const b = this.#ring?.[slotOf(startMs)];
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

  /** Learns from a closed bucket; layers in an anomaly or incident are skipped. */
  learn(b: Bucket, skipLayer: LayerTable<boolean>, skipLatency: boolean): void {
    if (b.calls === 0) return;
    for (const l of FAILURE_LAYERS) {
      if (skipLayer[l]) continue;
      this.#baseFails[l] = this.#baseFails[l] * DECAY + b.fails[l];
      this.#baseCalls[l] = this.#baseCalls[l] * DECAY + b.calls;
    }
    if (skipLatency) return;
    if (b.latency.total >= 3)
      this.baselineP50Ms = ewma(this.baselineP50Ms, b.latency.quantile(0.5));
    // A p95 from a handful of calls is noise; learn it from fuller buckets only.
    if (b.latency.total >= 10)
      this.baselineP95Ms = ewma(this.baselineP95Ms, b.latency.quantile(0.95));
    if (b.ttft.total >= 3) this.baselineTtftMs = ewma(this.baselineTtftMs, b.ttft.quantile(0.5));
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
      ring:
        this.#ring === undefined
          ? null
          : this.#ring.filter((b): b is Bucket => b !== undefined).map((b) => b.toState()),
      baseFails: { ...this.#baseFails },
      baseCalls: { ...this.#baseCalls },
      baselineP50Ms: orNull(this.baselineP50Ms),
      baselineP95Ms: orNull(this.baselineP95Ms),
      baselineTtftMs: orNull(this.baselineTtftMs),
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
    if (s.ring !== null) {
      const ring = (scope.#ring = new Array<Bucket | undefined>(RING));
      for (const b of s.ring) ring[slotOf(b.startMs)] = Bucket.fromState(b);
    }
    for (const l of FAILURE_LAYERS) {
      scope.#baseFails[l] = s.baseFails[l];
      scope.#baseCalls[l] = s.baseCalls[l];
    }
    scope.baselineP50Ms = finiteOr(s.baselineP50Ms, NaN);
    scope.baselineP95Ms = finiteOr(s.baselineP95Ms, NaN);
    scope.baselineTtftMs = finiteOr(s.baselineTtftMs, NaN);
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

function ewma(previous: number, value: number): number {
  return Number.isNaN(previous) ? value : previous * 0.97 + value * 0.03;
}

/** A bucket's place in the ring follows from its time, so no scope needs to move with the clock. */
function slotOf(startMs: number): number {
  const n = Math.floor(startMs / BUCKET_MS) % RING;
  return n < 0 ? n + RING : n;
}
