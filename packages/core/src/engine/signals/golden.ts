/**
 * Golden canaries as a signal: a model whose known-answer checks fail has an anomalous model
 * layer whatever its traffic's failure share, and the incident stands on the checks.
 */
import { evidence as item, type EvidenceOf } from '../../diagnosis/index.js';
import type { ScopeEval } from '../scope-eval.js';
import type { ScopeStats } from '../scope-stats.js';
import { failureShare } from './failure-share.js';
import { assessGolden, type GoldenAssessment } from './golden-assessment.js';
import { GOLDEN } from '../tuning.js';
import { newestOf, readingOf, type Signal } from './signal.js';
import { logTailProbability } from './significance.js';

/** The golden-canary signal: raises and keeps open the model layer of a model scope. */
export const golden: Signal<GoldenAssessment> = {
  name: 'golden',
  read: ({ stats }) => (stats.model === null ? undefined : assessGolden(stats)),
  // Only where the traffic's own share does not already raise the model layer.
  verdict: (g, layer, base) =>
    layer !== 'model' || !g.elevated || base.anomalous
      ? 'clear'
      : g.anomalous
        ? 'raise'
        : 'sustain',
  revise(p, ev) {
    const c = p.candidate;
    if (p.basis !== 'failures' || c.layer !== 'model') return p;
    const g = goldenEvidence(p.members, ev.evals, c.models);
    if (g === undefined) return p;
    const candidate = {
      ...c,
      reason: 'check_failed' as const,
      reasons: new Map([['check_failed' as const, g.facts.failed]]),
      startMs: Date.parse(g.facts.since),
      // The share that raised it is the known-answer checks' (the peak error rate says so),
      // not the traffic's background model-layer share.
      share: g.facts.failed / g.facts.checks,
      logP: Math.min(c.logP, logTailProbability(g.facts.failed, g.facts.checks, GOLDEN.baseline)),
      // The calls known affected are the failed checks, not the traffic's background failures.
      affectedSoFar: g.facts.failed,
      affectedNewest: p.members.reduce((n, m) => n + (newestOf(m)?.goldenFails ?? 0), 0),
      evidence: [g, ...c.evidence.filter((e) => e.kind !== 'error_rate')],
    };
    return { ...p, candidate };
  },
  // An incident the canaries raised stays open on them, not on the traffic's own noise.
  holds: (incident) => incident.evidence.has('golden'),
  sustained: (_incident, e, newest) =>
    onCanaries(e) === undefined ? undefined : (newest?.goldenFails ?? 0),
};

/** The golden reading of `e` when it, not the traffic's share, judges the model layer. */
function onCanaries(e: ScopeEval | undefined): GoldenAssessment | undefined {
  const g = readingOf(e, golden);
  const base = readingOf(e, failureShare)?.model;
  if (g === undefined || base === undefined) return undefined;
  return golden.verdict!(g, 'model', base) === 'clear' ? undefined : g;
}

/**
 * Known-answer checks failing on `members` while their traffic's failure share is normal: the
 * incident stands on the canaries, as `golden` evidence (the error share would say nothing).
 */
function goldenEvidence(
  members: readonly ScopeStats[],
  evals: ReadonlyMap<ScopeStats, ScopeEval>,
  models: readonly string[],
): EvidenceOf<'golden'> | undefined {
  const judged = members.map((m) => onCanaries(evals.get(m))).filter((g) => g !== undefined);
  if (judged.length === 0 || judged.length < members.length) return undefined;
  const failed = judged.reduce((n, g) => n + g.failed, 0);
  const checks = judged.reduce((n, g) => n + g.checks, 0);
  const since = Math.min(...judged.map((g) => (Number.isNaN(g.sinceMs) ? Infinity : g.sinceMs)));
  if (!Number.isFinite(since)) return undefined;
  return item('golden', {
    provider: members[0]!.provider,
    models,
    failed,
    checks,
    since: new Date(since).toISOString(),
  });
}
