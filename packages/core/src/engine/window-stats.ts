/**
 * Sums over a window of buckets, for one evaluation. Allocation-light: parts a window does not
 * need (failure tables without failures, a histogram merged from one bucket) are shared with
 * the buckets or with empty constants, so they are read-only.
 */
import type { Reason } from '../classify/index.js';
import { FAILURE_LAYERS, perLayer } from '../diagnosis/index.js';
import { bump, type Bucket, type LayerTable } from './bucket.js';
import { EMPTY_HISTOGRAM, LatencyHistogram } from './latency-histogram.js';

/** Sums over a window of buckets (read-only). */
export interface WindowStats {
  readonly calls: number;
  readonly firstAttempts: number;
  readonly fails: LayerTable<number>;
  readonly firstFails: LayerTable<number>;
  readonly reasons: LayerTable<ReadonlyMap<Reason, number>>;
  readonly observed: LayerTable<ReadonlyMap<string, number>>;
  readonly latency: LatencyHistogram;
  readonly ttft: LatencyHistogram;
  readonly probes: number;
  readonly probeFails: number;
}

const NONE: LayerTable<ReadonlyMap<never, number>> = perLayer(() => new Map<never, number>());

/** Sums `buckets`. */
export function sumBuckets(buckets: Iterable<Bucket>): WindowStats {
  let calls = 0;
  let firstAttempts = 0;
  let probes = 0;
  let probeFails = 0;
  const fails = perLayer(() => 0);
  const firstFails = perLayer(() => 0);
  let reasons: LayerTable<Map<Reason, number>> | undefined;
  let observed: LayerTable<Map<string, number>> | undefined;
  const latency = new HistogramSum();
  const ttft = new HistogramSum();
  for (const b of buckets) {
    calls += b.calls;
    firstAttempts += b.firstAttempts;
    probes += b.probes;
    probeFails += b.probeFails;
    for (const l of FAILURE_LAYERS) {
      if (b.fails[l] === 0) continue;
      fails[l] += b.fails[l];
      firstFails[l] += b.firstFails[l];
      reasons ??= perLayer(() => new Map<Reason, number>());
      observed ??= perLayer(() => new Map<string, number>());
      for (const [k, v] of b.reasons[l]) bump(reasons[l], k, v);
      for (const [k, v] of b.observed[l]) bump(observed[l], k, v);
    }
    latency.add(b.latency);
    ttft.add(b.ttft);
  }
  return {
    calls,
    firstAttempts,
    fails,
    firstFails,
    reasons: reasons ?? NONE,
    observed: observed ?? NONE,
    latency: latency.result(),
    ttft: ttft.result(),
    probes,
    probeFails,
  };
}

/** A merge of histograms that copies only when a second non-empty one comes. */
class HistogramSum {
  #first: LatencyHistogram | undefined;
  #own: LatencyHistogram | undefined;

  add(h: LatencyHistogram): void {
    if (h.total === 0) return;
    if (this.#first === undefined) {
      this.#first = h;
      return;
    }
    if (this.#own === undefined) {
      this.#own = new LatencyHistogram();
      this.#own.merge(this.#first);
    }
    this.#own.merge(h);
  }

  result(): LatencyHistogram {
    return this.#own ?? this.#first ?? EMPTY_HISTOGRAM;
  }
}
