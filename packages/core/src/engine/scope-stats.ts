/** The recent history of one scope (a model, or a provider): a ring of buckets and its baselines. */
import type { Reason } from '../classify/index.js';
import { Bucket, bump, FAILURE_LAYERS } from './bucket.js';
import { LatencyHistogram } from './latency-histogram.js';

export const BUCKET_MS = 10_000;
/** Ten minutes of buckets. */
const RING = 60;

/** Prior failure shares per layer, before a scope has history (background rates, incidents.md). */
const PRIOR_SHARE = [0.005, 0.003, 0.006, 0.02];
const PRIOR_CALLS = 400;
/** Baselines forget with a half-life of about 30 minutes of buckets. */
const DECAY = Math.pow(0.5, 1 / 180);

/** Sums over a window of buckets. */
export interface WindowStats {
  calls: number;
  firstAttempts: number;
  fails: number[];
  firstFails: number[];
  reasons: Array<Map<Reason, number>>;
  observed: Array<Map<string, number>>;
  latency: LatencyHistogram;
  ttft: LatencyHistogram;
  probes: number;
  probeFails: number;
  deadlines: Map<number, number>;
}

export class ScopeStats {
  readonly #ring: Bucket[] = Array.from({ length: RING }, () => new Bucket());
  #current = 0;
  /** Volume-weighted EWMA of failures and calls per layer, from healthy buckets only. */
  readonly #baseFails = PRIOR_SHARE.map((s) => s * PRIOR_CALLS);
  readonly #baseCalls = [PRIOR_CALLS, PRIOR_CALLS, PRIOR_CALLS, PRIOR_CALLS];
  /** EWMA of healthy buckets' median latency, and the deadline in force when healthy. */
  baselineP50Ms = NaN;
  /** EWMA of healthy buckets' p95 latency and median time to first token. */
  baselineP95Ms = NaN;
  baselineTtftMs = NaN;
  /** The deadline in force (most calls' timeout_ms), the one before it, and when it changed. */
  deadlineMs = NaN;
  previousDeadlineMs = NaN;
  deadlineChangedMs = -Infinity;
  lastCallMs = -Infinity;

  constructor(
    readonly key: string,
    readonly provider: string,
    readonly model: string | null,
    startMs: number,
  ) {
    this.#ring[0]!.reset(startMs);
  }

  /** The bucket that holds time `ms` now (opened by `advance`). */
  get current(): Bucket {
    return this.#ring[this.#current]!;
  }

  /** Moves to the bucket starting at `startMs`; returns the bucket just closed. */
  advance(startMs: number): Bucket {
    const closed = this.current;
    this.#current = (this.#current + 1) % RING;
    this.current.reset(startMs);
    return closed;
  }

  /** The last `n` buckets before the current one (closed buckets), newest first. */
  *recent(n: number): Generator<Bucket> {
    for (let i = 1; i <= Math.min(n, RING - 1); i++) {
      const b = this.#ring[(this.#current - i + RING) % RING]!;
      if (b.startMs >= 0) yield b;
    }
  }

  /** Sums of the last `n` closed buckets. */
  window(n: number): WindowStats {
    const w: WindowStats = {
      calls: 0,
      firstAttempts: 0,
      fails: [0, 0, 0, 0],
      firstFails: [0, 0, 0, 0],
      reasons: [0, 1, 2, 3].map(() => new Map<Reason, number>()),
      observed: [0, 1, 2, 3].map(() => new Map<string, number>()),
      latency: new LatencyHistogram(),
      ttft: new LatencyHistogram(),
      probes: 0,
      probeFails: 0,
      deadlines: new Map(),
    };
    for (const b of this.recent(n)) addInto(w, b);
    return w;
  }

  /** The learned failure share of layer `i`. */
  baseline(i: number): number {
    return this.#baseFails[i]! / this.#baseCalls[i]!;
  }

  /** Learns from a closed bucket; layers in an anomaly or incident are skipped. */
  learn(b: Bucket, skipLayer: readonly boolean[], skipLatency: boolean): void {
    if (b.calls === 0) return;
    for (let i = 0; i < FAILURE_LAYERS.length; i++) {
      if (skipLayer[i]) continue;
      this.#baseFails[i] = this.#baseFails[i]! * DECAY + b.fails[i]!;
      this.#baseCalls[i] = this.#baseCalls[i]! * DECAY + b.calls;
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
}

function addInto(w: WindowStats, b: Bucket): void {
  w.calls += b.calls;
  w.firstAttempts += b.firstAttempts;
  for (let i = 0; i < 4; i++) {
    w.fails[i]! += b.fails[i]!;
    w.firstFails[i]! += b.firstFails[i]!;
    for (const [k, v] of b.reasons[i]!) bump(w.reasons[i]!, k, v);
    for (const [k, v] of b.observed[i]!) bump(w.observed[i]!, k, v);
  }
  w.latency.merge(b.latency);
  w.ttft.merge(b.ttft);
  w.probes += b.probes;
  w.probeFails += b.probeFails;
  for (const [k, v] of b.deadlines) bump(w.deadlines, k, v);
}

/** The most frequent key of a counter map. */
export function mode<K>(map: Map<K, number>): K | undefined {
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
