/**
 * A provider-wide slowdown judged on all its slow models' calls at once: each bucket's median per
 * model against that model's own baseline (so a shift in the mix of models moves nothing), pooled
 * by calls. One model's minute of 70 calls reads ±9% and three of them give three chances to
 * cross 3× early; the pooled run over every bucket since it began reads a creep at 2.8× as below
 * 3× and one at 3.2× as above (scenario latency-creep: 20 s early at seed 4, 50 s late at seed 5).
 */
import type { ScopeEval } from '../scope-eval.js';
import type { ScopeRegistry } from '../scope-registry.js';
import { BUCKET_MS, type ScopeStats } from '../scope-stats.js';
import { LATENCY, TIME } from '../tuning.js';

/** One bucket of the pooled series: mean log ratio to the baselines, and its calls. */
export interface Point {
  readonly startMs: number;
  readonly logRatio: number;
  readonly calls: number;
}

/** The pooled series over the ring, newest first (buckets without answered calls left out). */
export function pooledSeries(models: readonly ScopeStats[]): Point[] {
  const byStart = new Map<number, { sum: number; calls: number }>();
  for (const m of models) {
    const base = m.baselineP50Ms;
    if (!(base > 0)) continue;
    for (const b of m.recent(TIME.ringBuckets)) {
      const n = b.latency.total;
      if (n === 0) continue;
      const p = byStart.get(b.startMs) ?? { sum: 0, calls: 0 };
      p.sum += n * Math.log(b.latency.quantile(0.5) / base);
      p.calls += n;
      byStart.set(b.startMs, p);
    }
  }
  return [...byStart]
    .sort((a, b) => b[0] - a[0])
    .map(([startMs, p]) => ({ startMs, logRatio: p.sum / p.calls, calls: p.calls }));
}

/** Calls in the pooled series' newest detection window. */
export function windowCalls(series: readonly Point[], nowMs: number): number {
  const from = nowMs - TIME.windowBuckets * BUCKET_MS;
  return series.filter((p) => p.startMs >= from).reduce((n, p) => n + p.calls, 0);
}

/**
 * Slow by a one-sided CUSUM (Page's test): the largest sum, over runs of buckets ending now, of
 * each call's log excess over 3× reaches `LATENCY.trend.excess`. A level just under 3× sums to
 * below zero however long it lasts; just over it, the sum grows with every bucket.
 */
export function slowByTrend(series: readonly Point[]): boolean {
  const ref = Math.log(LATENCY.slowRatio);
  let sum = 0;
  for (const p of series) {
    sum += p.calls * (p.logRatio - ref);
    if (sum >= LATENCY.trend.excess) return true;
  }
  return false;
}

/**
 * When the pooled latency reached the slow level: the run of buckets back to where it was last
 * below `LATENCY.trend.spanRatio` (three buckets smoothed), and within it the time a weighted
 * least-squares line of the log ratio crosses `LATENCY.trend.startRatio`. A step slowdown has a
 * flat run and starts where the run does; a creep starts where its line crosses.
 */
export function trendStart(series: readonly Point[]): number {
  const low = Math.log(LATENCY.trend.spanRatio);
  let k = 0;
  while (k + 3 <= series.length && smoothed(series, k) >= low) k++;
  let end = Math.max(1, k + 1);
  // The smoothing reaches a bucket or two past the run: they are not part of it.
  while (end > 1 && series[end - 1]!.logRatio < low) end--;
  const run = series.slice(0, end);
  const first = run[run.length - 1]!.startMs;
  const mid = (p: Point): number => p.startMs + BUCKET_MS / 2;
  const w = run.reduce((n, p) => n + p.calls, 0);
  const mx = run.reduce((s, p) => s + p.calls * mid(p), 0) / w;
  const my = run.reduce((s, p) => s + p.calls * p.logRatio, 0) / w;
  let sxy = 0;
  let sxx = 0;
  for (const p of run) {
    sxy += p.calls * (mid(p) - mx) * (p.logRatio - my);
    sxx += p.calls * (mid(p) - mx) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  if (!(slope > 0)) return first;
  const crossMs = mx + (Math.log(LATENCY.trend.startRatio) - my) / slope;
  return crossMs >= first && crossMs <= mid(series[0]!) ? Math.round(crossMs) : first;
}

/** The calls-weighted mean log ratio of the three points from `k` back. */
function smoothed(series: readonly Point[], k: number): number {
  let sum = 0;
  let calls = 0;
  for (const p of series.slice(k, k + 3)) {
    sum += p.calls * p.logRatio;
    calls += p.calls;
  }
  return sum / calls;
}

/**
 * Providers whose models' windows, pooled against their ready baselines, sit at
 * `LATENCY.trend.providerDrift` or more: none of their models learns latency now. One model's
 * window moves ±9% by chance; pooled on enough calls, 15% is a drift, the start of a creep.
 */
export function driftingProviders(
  reg: ScopeRegistry,
  evals: ReadonlyMap<ScopeStats, ScopeEval>,
): Set<string> {
  const out = new Set<string>();
  for (const [provider, p] of reg.providers) {
    let sum = 0;
    let calls = 0;
    for (const m of p.models.values()) {
      const w = evals.get(m)?.window.latency;
      if (w === undefined || w.total < LATENCY.minCalls.median || !m.p50.ready) continue;
      sum += w.total * Math.log(w.quantile(0.5) / m.baselineP50Ms);
      calls += w.total;
    }
    const { providerDrift, providerDriftCalls } = LATENCY.trend;
    if (calls >= providerDriftCalls && sum / calls >= Math.log(providerDrift)) out.add(provider);
  }
  return out;
}
