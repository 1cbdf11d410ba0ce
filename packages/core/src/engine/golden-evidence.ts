/** Golden canaries as evidence: the known-answer checks that raised a model-layer incident. */
import { evidence as item, type EvidenceOf } from '../diagnosis/index.js';
import type { ScopeEval } from './scope-eval.js';
import type { ScopeStats } from './scope-stats.js';

/**
 * Known-answer checks failing on `members` while their traffic's failure share is normal: the
 * incident stands on the canaries, as `golden` evidence (the error share would say nothing).
 */
export function goldenEvidence(
  members: readonly ScopeStats[],
  evals: Map<ScopeStats, ScopeEval>,
  models: readonly string[],
): EvidenceOf<'golden'> | undefined {
  const judged = members.map((m) => evals.get(m)!.golden).filter((g) => g !== undefined);
  if (judged.length === 0 || judged.length < members.length) return undefined;
  const failed = judged.reduce((n, g) => n + g.failed, 0);
  const checks = judged.reduce((n, g) => n + g.checks, 0);
  const since = Math.min(...judged.map((g) => (Number.isNaN(g.sinceMs) ? Infinity : g.sinceMs)));
  if (!Number.isFinite(since)) return undefined;
  const provider = members[0]!.provider;
  return item('golden', {
    provider,
    models,
    failed,
    checks,
    since: new Date(since).toISOString(),
  });
}
