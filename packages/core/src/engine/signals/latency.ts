/** Latency: a model's median, p95 or time to first token far above normal, with few errors. */
import { evidence as item } from '../../diagnosis/index.js';
import type { ScopeStats } from '../scope-stats.js';
import { LATENCY, TIME } from '../tuning.js';
import { assessLatency, type LatencyAssessment } from './latency-assessment.js';
import { pooledSeries, slowByTrend, trendStart, windowCalls } from './latency-trend.js';
import { newestOf, readingOf, type Proposal, type Signal } from './signal.js';

/** The latency signal: raises `provider/slow` per provider, over its models at 2× or more. */
export const latency: Signal<LatencyAssessment> = {
  name: 'latency',
  read: ({ stats, window }) => assessLatency(window, stats),
  propose(ev) {
    const out: Proposal[] = [];
    for (const [provider, p] of ev.reg.providers) {
      if (!ev.evals.has(p.stats)) continue; // no call in the window at this provider
      const models = [...p.models.values()];
      const members = models.filter((m) => readingOf(ev.evals.get(m), latency)?.elevated === true);
      const trend = providerWide(members, ev.reg.clock.startMs);
      const slow =
        trend === undefined
          ? models.filter((m) => readingOf(ev.evals.get(m), latency)?.anomalous === true)
          : trend.slow
            ? members.filter((m) => m.p50.ready)
            : [];
      if (slow.length === 0) continue;
      const names = members.map((m) => m.model!).sort();
      const l = readingOf(ev.evals.get(slow[0]!), latency)!;
      const calls = members.reduce((n, m) => n + ev.evals.get(m)!.window.calls, 0);
      const newest = members.reduce((n, m) => n + (newestOf(m)?.calls ?? 0), 0);
      const candidate = {
        layer: 'provider' as const,
        reason: 'slow' as const,
        owner: 'provider' as const,
        scope: names.length >= 2 ? ('provider' as const) : ('model' as const),
        provider,
        models: names,
        startMs: trend === undefined ? slowSince(slow[0]!) : trend.startMs,
        affectedSoFar: calls,
        affectedNewest: newest,
        share: 0,
        logP: -20,
        reasons: new Map([['slow' as const, 1]]),
        evidence: [
          item('latency', {
            provider,
            models: names,
            measure: l.measure,
            value_ms: Math.round(l.valueMs),
            baseline_ms: Math.round(l.baselineMs),
            ratio: Math.round(l.ratio * 100) / 100,
          }),
        ],
      };
      out.push({ candidate, basis: 'latency', members, providers: [provider] });
    }
    return out;
  },
  holds: (incident) => incident.reason === 'slow',
  // A slow incident stays open while latency (or integration failures at our deadline) stay up.
  sustained: (_incident, e, newest) =>
    readingOf(e, latency)?.elevated === true || e.layers.integration.elevated
      ? (newest?.calls ?? 0)
      : undefined,
};

/**
 * Two or more of a provider's models slow together, with enough calls in the window
 * (`LATENCY.trend.minCalls`): judged on their pooled series (latency-trend.ts), not model by model.
 */
function providerWide(
  members: readonly ScopeStats[],
  nowMs: number,
): { slow: boolean; startMs: number } | undefined {
  if (members.length < 2) return undefined;
  const series = pooledSeries(members);
  if (series.length === 0 || windowCalls(series, nowMs) < LATENCY.trend.minCalls) return undefined;
  const slow = slowByTrend(series);
  return { slow, startMs: slow ? trendStart(series) : NaN };
}

/** The start of the run of slow buckets before now (one normal-looking bucket is tolerated). */
function slowSince(s: ScopeStats): number {
  let since = NaN;
  let quiet = 0;
  for (const b of s.recent(TIME.ringBuckets)) {
    if (b.latency.total === 0) continue;
    // Slow is 3× (as the verdict): a creep through 2× is drift, not yet the incident.
    if (
      b.latency.quantile(0.5) < LATENCY.slowRatio * s.baselineP50Ms &&
      !(b.ttft.quantile(0.5) >= LATENCY.slowRatio * s.baselineTtftMs)
    ) {
      if (++quiet > 1) break;
      continue;
    }
    quiet = 0;
    since = b.startMs;
  }
  if (!Number.isNaN(since)) return since;
  return newestOf(s)?.startMs ?? 0;
}
