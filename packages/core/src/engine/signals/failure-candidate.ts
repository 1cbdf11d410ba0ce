/** A failure layer's anomaly at one provider (or several, for global) as a proposed incident. */
import type { Reason } from '../../classify/index.js';
import { evidence as item, type FailureLayer, type Scope } from '../../diagnosis/index.js';
import { bump } from '../bucket.js';
import { observedFromKey } from '../observe-call.js';
import { mode, type ScopeStats } from '../scope-stats.js';
import { FAILURE_SHARE, TIME } from '../tuning.js';
import { above } from './layer-share.js';
import { newestOf, type Evaluation, type Proposal } from './signal.js';

/** The models of `provider` a `layer` anomaly stands on. */
function affectedModels(ev: Evaluation, provider: string, layer: FailureLayer): ScopeStats[] {
  const models = [...ev.reg.providers.get(provider)!.models.values()];
  const members = models.filter((m) => ev.evals.get(m)?.layers[layer].member === true);
  if (members.length > 0) return members;
  // provider-wide anomaly spread thin over models: those with the most failures
  const most = Math.max(...models.map((m) => ev.evals.get(m)?.window.fails[layer] ?? 0));
  return models.filter((m) => most > 0 && (ev.evals.get(m)?.window.fails[layer] ?? 0) === most);
}

/** The proposal of a `layer` anomaly at `providers` (`provider` null: one global incident). */
export function failureProposal(
  ev: Evaluation,
  layer: FailureLayer,
  provider: string | null,
  providers: readonly string[],
): Proposal {
  const members = providers.flatMap((p) => affectedModels(ev, p, layer));
  let calls = 0;
  let fails = 0;
  let logP = 0;
  let startMs = Infinity;
  let soFar = 0;
  let newest = 0;
  const reasons = new Map<Reason, number>();
  const observed = new Map<string, number>();
  for (const m of members) {
    const e = ev.evals.get(m)!;
    calls += e.window.calls;
    fails += e.window.fails[layer];
    logP = Math.min(logP, e.layers[layer].logP);
    for (const [r, n] of e.window.reasons[layer]) bump(reasons, r, n);
    for (const [o, n] of e.window.observed[layer]) bump(observed, o, n);
    const walk = walkBack(m, layer, e.layers[layer].baseline);
    startMs = Math.min(
      startMs,
      Number.isFinite(walk.startMs) ? walk.startMs : earliestFailure(m, layer),
    );
    soFar += walk.fails;
    newest += newestOf(m)?.fails[layer] ?? 0;
  }
  const models = [...new Set(members.map((m) => m.model!))].sort();
  const scope: Scope = provider === null ? 'global' : models.length >= 2 ? 'provider' : 'model';
  const reason = mode(reasons) ?? 'server_error';
  const share = calls === 0 ? 0 : fails / calls;
  // Network: ours when global (our egress); one provider's host unreachable is theirs.
  const owner = layer === 'integration' || (layer === 'network' && provider === null);
  const baseline = members.length === 0 ? 0 : ev.evals.get(members[0]!)!.layers[layer].baseline;
  const endMs = lastBucketEnd(members);
  const rate = item('error_rate', {
    layer,
    providers: provider === null ? providers : [provider],
    models,
    share,
    baseline,
    failures: fails,
    calls,
    window_start: new Date(endMs - TIME.windowBuckets * TIME.bucketMs).toISOString(),
    window_end: new Date(endMs).toISOString(),
    observed: observedFromKey(mode(observed), reason),
  });
  const candidate = {
    layer,
    reason,
    owner: owner ? ('ours' as const) : ('provider' as const),
    scope,
    provider,
    models,
    startMs: Number.isFinite(startMs) ? startMs : endMs - 60_000,
    affectedSoFar: soFar,
    affectedNewest: newest,
    share,
    logP,
    reasons,
    evidence: [rate],
  };
  return { candidate, basis: 'failures', members, providers };
}

/** The earliest failure of `layer` in the detection window (when the walk back found none). */
function earliestFailure(s: ScopeStats, layer: FailureLayer): number {
  let first = Infinity;
  for (const b of s.recent(TIME.windowBuckets))
    if (b.firstFailMs[layer] < first) first = b.firstFailMs[layer];
  return first;
}

/** The earliest failure in the contiguous run of elevated buckets before now. */
function walkBack(s: ScopeStats, layer: FailureLayer, baseline: number) {
  const { walkBackFailures, walkBackGapBuckets, walkBackEmptyBuckets, elevated } = FAILURE_SHARE;
  let startMs = Infinity;
  let fails = 0;
  let quiet = 0;
  for (const b of s.recent(TIME.ringBuckets)) {
    if (b.calls === 0) {
      if (++quiet > walkBackEmptyBuckets) break;
      continue;
    }
    // One failure in a bucket is what noise looks like; a run of the fault has more.
    if (b.fails[layer] < walkBackFailures || !above(b.fails[layer] / b.calls, baseline, elevated)) {
      if (++quiet > walkBackGapBuckets) break;
      continue;
    }
    quiet = 0;
    fails += b.fails[layer];
    if (b.firstFailMs[layer] < startMs) startMs = b.firstFailMs[layer];
  }
  return { startMs, fails };
}

function lastBucketEnd(members: readonly ScopeStats[]): number {
  const b = members[0] === undefined ? undefined : newestOf(members[0]);
  return b === undefined ? 0 : b.startMs + TIME.bucketMs;
}
