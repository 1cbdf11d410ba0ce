/** Verdicts about time: the provider being slow, and whose a deadline failure is. */
import { evidence as item, type LatencyMeasure } from '../diagnosis/index.js';
import type { LatencyAssessment } from './assess.js';
import type { Candidate } from './candidate.js';
import type { DeadlineVerdictOf, ScopeEval } from './scope-eval.js';
import { statusEvidence } from './evidence.js';
import type { ScopeRegistry } from './scope-registry.js';
import type { ScopeStats } from './scope-stats.js';
import type { StatusBoard } from './status-board.js';

const MEASURES: Readonly<Record<LatencyAssessment['measure'], LatencyMeasure>> = {
  'median latency': 'median_latency',
  'p95 latency': 'p95_latency',
  'time to first token': 'ttft',
};

/** Latency far above normal with few errors: the provider is slow. */
export function slowCandidates(
  reg: ScopeRegistry,
  evals: Map<ScopeStats, ScopeEval>,
  status: StatusBoard,
): Candidate[] {
  const out: Candidate[] = [];
  for (const [provider, p] of reg.providers) {
    if (!evals.has(p.stats)) continue; // no call in the window at this provider
    const slow = [...p.models.values()].filter((m) => evals.get(m)?.latency.anomalous === true);
    if (slow.length === 0) continue;
    const members = [...p.models.values()].filter((m) => evals.get(m)?.latency.elevated === true);
    const models = members.map((m) => m.model!).sort();
    const e = evals.get(slow[0]!)!;
    const startMs = slowSince(slow[0]!);
    const calls = members.reduce((n, m) => n + evals.get(m)!.window.calls, 0);
    const newest = members.reduce((n, m) => n + ([...m.recent(1)][0]?.calls ?? 0), 0);
    out.push({
      layer: 'provider',
      reason: 'slow',
      owner: 'provider',
      scope: models.length >= 2 ? 'provider' : 'model',
      provider,
      models,
      startMs,
      affectedSoFar: calls,
      affectedNewest: newest,
      share: 0,
      logP: -20,
      reasons: new Map([['slow', 1]]),
      evidence: [
        item('latency', {
          provider,
          models,
          measure: MEASURES[e.latency.measure],
          value_ms: Math.round(e.latency.valueMs),
          baseline_ms: Math.round(e.latency.baselineMs),
          ratio: Math.round(e.latency.ratio * 100) / 100,
        }),
        ...statusEvidence(status, [provider]),
      ],
    });
  }
  return out;
}

/**
 * Our deadline or their latency? Calls cut at our own deadline are ours when the deadline was
 * lowered (below normal latency); when the deadline did not change, the provider slowed past it.
 */
export function deadlineVerdict(
  c: Candidate,
  reg: ScopeRegistry,
  earlier: DeadlineVerdictOf,
): Candidate {
  if (c.layer !== 'integration' || c.reason !== 'client_timeout' || c.provider === null) return c;
  // An open incident keeps its verdict: the window sees ten minutes, the incident saw its start.
  const sticky = earlier(c.provider);
  if (sticky === 'ours') return c;
  const models = [...reg.providers.get(c.provider)!.models.values()].filter((m) =>
    c.models.includes(m.model!),
  );
  const changed = models.find(
    (m) =>
      m.deadlineMs < m.previousDeadlineMs * 0.9 && m.deadlineChangedMs >= c.startMs - 10 * 60_000,
  );
  if (changed !== undefined && sticky === undefined) {
    const lowered = item('deadline', {
      change: 'lowered',
      deadline_ms: changed.deadlineMs,
      previous_deadline_ms: changed.previousDeadlineMs,
      changed_at: new Date(changed.deadlineChangedMs).toISOString(),
    });
    return { ...c, evidence: [...c.evidence, lowered] };
  }
  const deadline = models.find((m) => !Number.isNaN(m.deadlineMs))?.deadlineMs;
  return {
    ...c,
    layer: 'provider',
    reason: 'slow',
    owner: 'provider',
    reasons: new Map([['slow', 1]]),
    evidence: [
      item('deadline', { change: 'unchanged', deadline_ms: deadline ?? null, models: c.models }),
      ...c.evidence.filter((e) => e.kind !== 'error_rate'),
    ],
  };
}

/** How many times its baseline a bucket's median latency or time to first token is to be slow. */
const SLOW_RATIO = 3;

/** The start of the run of slow buckets before now (one normal-looking bucket is tolerated). */
function slowSince(s: ScopeStats): number {
  let since = NaN;
  let quiet = 0;
  for (const b of s.recent(60)) {
    if (b.latency.total === 0) continue;
    // Slow is 3× (as the verdict): a creep through 2× is drift, not yet the incident.
    if (
      b.latency.quantile(0.5) < SLOW_RATIO * s.baselineP50Ms &&
      !(b.ttft.quantile(0.5) >= SLOW_RATIO * s.baselineTtftMs)
    ) {
      if (++quiet > 1) break;
      continue;
    }
    quiet = 0;
    since = b.startMs;
  }
  if (!Number.isNaN(since)) return since;
  for (const newest of s.recent(1)) return newest.startMs;
  return 0;
}
