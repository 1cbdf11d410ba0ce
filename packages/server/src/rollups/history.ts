/** Rollup rows summed into a history series at a coarser step, with latency quantiles: pure. */
import type { RollupRow } from '../store/port.js';
import { addRollups, emptyLatency, ROLLUP_LATENCY_BOUNDS_MS } from '../store/rollup-row.js';

/** The steps history is read at, in ms. */
export const HISTORY_STEPS = { '1m': 60_000, '1h': 3_600_000, '1d': 86_400_000 } as const;
export type HistoryStep = keyof typeof HISTORY_STEPS;

/** One point of the series (server-api extension `GET /v1/history`). */
export interface HistoryPoint {
  readonly t: string;
  readonly calls: number;
  readonly probe_calls: number;
  readonly failures: RollupRow['failures'];
  /** Failed calls over calls, or null with no calls. */
  readonly failure_share: number | null;
  /** Latency quantiles of successful calls from the buckets (interpolated), or null. */
  readonly p50_ms: number | null;
  readonly p95_ms: number | null;
}

/** The step for a range: minutes up to 6 hours, hours up to 14 days, days beyond. */
export function stepFor(rangeMs: number): HistoryStep {
  if (rangeMs <= 6 * 3_600_000) return '1m';
  if (rangeMs <= 14 * 86_400_000) return '1h';
  return '1d';
}

/** The `q` quantile of a bucket histogram, interpolated inside the bucket it falls in. */
export function bucketQuantile(latency: readonly number[], q: number): number | null {
  const total = latency.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = q * total;
  let below = 0;
  for (let i = 0; i < latency.length; i++) {
    const n = latency[i] ?? 0;
    if (n > 0 && below + n >= rank) {
      const lo = i === 0 ? 0 : (ROLLUP_LATENCY_BOUNDS_MS[i - 1] ?? 0);
      const hi = ROLLUP_LATENCY_BOUNDS_MS[i];
      // Above the last bound there is no upper edge: report the bound (a floor, not a guess).
      if (hi === undefined) return lo;
      return Math.round(lo + ((hi - lo) * (rank - below)) / n);
    }
    below += n;
  }
  return ROLLUP_LATENCY_BOUNDS_MS[ROLLUP_LATENCY_BOUNDS_MS.length - 1] ?? null;
}

/** Sums `rows` (any scopes) into points of `step` from `fromMs` to `toMs`; empty steps are zero. */
export function historySeries(
  rows: readonly RollupRow[],
  fromMs: number,
  toMs: number,
  step: HistoryStep,
): HistoryPoint[] {
  const stepMs = HISTORY_STEPS[step];
  const start = Math.floor(fromMs / stepMs) * stepMs;
  const sums = new Map<number, RollupRow>();
  for (const r of rows) {
    const at = Math.floor(r.minuteMs / stepMs) * stepMs;
    const prev = sums.get(at);
    sums.set(at, prev === undefined ? { ...r, minuteMs: at } : addRollups(prev, r));
  }
  const points: HistoryPoint[] = [];
  for (let at = start; at < toMs; at += stepMs) {
    const r = sums.get(at);
    const failures = r?.failures ?? { integration: 0, network: 0, provider: 0, model: 0 };
    const failed = failures.integration + failures.network + failures.provider + failures.model;
    const calls = r?.calls ?? 0;
    const latency = r?.latency ?? emptyLatency();
    points.push({
      t: new Date(at).toISOString(),
      calls,
      probe_calls: r?.probeCalls ?? 0,
      failures,
      failure_share: calls === 0 ? null : failed / calls,
      p50_ms: bucketQuantile(latency, 0.5),
      p95_ms: bucketQuantile(latency, 0.95),
    });
  }
  return points;
}
