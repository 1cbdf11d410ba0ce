/** One evaluation at a bucket boundary: assess every scope, attribute anomalies to candidates. */
import type { Reason } from '../classify/index.js';
import {
  evidence as item,
  FAILURE_LAYERS,
  perLayer,
  type Evidence,
  type FailureLayer,
  type Scope,
} from '../diagnosis/index.js';
import { assessLatency, assessLayer } from './assess.js';
import type { DeadlineVerdictOf, ScopeEval } from './scope-eval.js';
import { bump } from './bucket.js';
import type { Candidate } from './candidate.js';
import { contrast, statusEvidence } from './evidence.js';
import { assessGolden } from './golden.js';
import { goldenEvidence } from './golden-evidence.js';
import { probeEvidence, probesHealthy } from './probe-evidence.js';
import { observedFromKey } from './observe-call.js';
import { deadlineVerdict, slowCandidates } from './time-verdicts.js';
import type { ScopeRegistry } from './scope-registry.js';
import { BUCKET_MS, mode, type ScopeStats } from './scope-stats.js';
import type { StatusBoard } from './status-board.js';
import { sumBuckets } from './window-stats.js';

/** One minute of buckets: the detection window. */
const WINDOW = 6;

/** The assessments of every scope with traffic in the last ten minutes. */
export function assessAll(reg: ScopeRegistry, nowMs: number): Map<ScopeStats, ScopeEval> {
  const out = new Map<ScopeStats, ScopeEval>();
  for (const s of reg.all()) {
    // No call in the window: nothing to assess, and no deadline to note.
    if (s.lastBucketMs < nowMs - WINDOW * BUCKET_MS) continue;
    for (const newest of s.recent(1)) s.noteDeadline(newest);
    const buckets = [...s.recent(WINDOW)];
    const window = sumBuckets(buckets);
    const layers = perLayer((l) => assessLayer(window, l, s.baseline(l), buckets));
    const latency = assessLatency(window, s);
    const golden = s.model === null ? undefined : assessGolden(s);
    const model = layers.model;
    if (golden?.elevated === true && !model.anomalous) {
      // Known-answer checks failing: the model layer is anomalous, whatever the traffic's share.
      const g = golden.anomalous;
      const layersG = {
        ...layers,
        model: { ...model, anomalous: g, elevated: true, member: model.member || g },
      };
      out.set(s, { stats: s, window, layers: layersG, latency, golden });
    } else out.set(s, { stats: s, window, layers, latency });
  }
  return out;
}

/** Candidates from this evaluation's anomalies. */
export type { DeadlineVerdictOf, ScopeEval };

export function attribute(
  reg: ScopeRegistry,
  evals: Map<ScopeStats, ScopeEval>,
  status: StatusBoard,
  earlier: DeadlineVerdictOf,
): Candidate[] {
  const out: Candidate[] = [];
  for (const layer of FAILURE_LAYERS) {
    const hit: string[] = [];
    for (const [id, p] of reg.providers) {
      const pe = evals.get(p.stats);
      // Every call counts at its provider too: a provider not assessed has no model assessed.
      if (pe === undefined) continue;
      const anyModel = [...p.models.values()].some(
        (m) => evals.get(m)?.layers[layer].anomalous === true,
      );
      if (pe.layers[layer].anomalous || anyModel) hit.push(id);
    }
    if (hit.length === 0) continue;
    if ((layer === 'integration' || layer === 'network') && hit.length >= 2) {
      out.push(build(reg, evals, status, layer, null, hit));
    } else {
      for (const id of hit) out.push(build(reg, evals, status, layer, id, [id]));
    }
  }
  out.push(...slowCandidates(reg, evals, status));
  return out.map((c) => deadlineVerdict(c, reg, earlier));
}

function affectedModels(
  reg: ScopeRegistry,
  evals: Map<ScopeStats, ScopeEval>,
  provider: string,
  layer: FailureLayer,
): ScopeStats[] {
  const models = [...reg.providers.get(provider)!.models.values()];
  const members = models.filter((m) => evals.get(m)?.layers[layer].member === true);
  if (members.length > 0) return members;
  // provider-wide anomaly spread thin over models: those with the most failures
  const most = Math.max(...models.map((m) => evals.get(m)?.window.fails[layer] ?? 0));
  return models.filter((m) => most > 0 && (evals.get(m)?.window.fails[layer] ?? 0) === most);
}

function build(
  reg: ScopeRegistry,
  evals: Map<ScopeStats, ScopeEval>,
  status: StatusBoard,
  layer: FailureLayer,
  provider: string | null,
  providers: readonly string[],
): Candidate {
  const members = providers.flatMap((p) => affectedModels(reg, evals, p, layer));
  let calls = 0;
  let fails = 0;
  let logP = 0;
  let startMs = Infinity;
  let soFar = 0;
  let newest = 0;
  const reasons = new Map<Reason, number>();
  const observed = new Map<string, number>();
  for (const m of members) {
    const e = evals.get(m)!;
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
    newest += [...m.recent(1)][0]?.fails[layer] ?? 0;
  }
  const models = [...new Set(members.map((m) => m.model!))].sort();
  const golden = layer === 'model' ? goldenEvidence(members, evals, models) : undefined;
  if (golden !== undefined) {
    reasons.clear();
    reasons.set('check_failed', golden.facts.failed);
    startMs = Date.parse(golden.facts.since);
    // The calls known affected are the failed checks, not the traffic's background failures.
    soFar = golden.facts.failed;
    newest = members.reduce((n, m) => n + ([...m.recent(1)][0]?.goldenFails ?? 0), 0);
  }
  const scope: Scope = provider === null ? 'global' : models.length >= 2 ? 'provider' : 'model';
  const reason = mode(reasons) ?? 'server_error';
  const share = calls === 0 ? 0 : fails / calls;
  const probes = probeEvidence(members, layer, models);
  // The server's probes of the same provider getting through while the apps' calls cannot:
  // the apps' own path (egress, resolver, proxy) is broken, not the provider's.
  const probesFine = probes !== undefined && probesHealthy(probes.facts);
  const owner =
    layer === 'integration'
      ? 'ours'
      : layer === 'network'
        ? provider === null || probesFine
          ? 'ours'
          : 'provider'
        : 'provider';
  const baseline = members.length === 0 ? 0 : evals.get(members[0]!)!.layers[layer].baseline;
  const endMs = lastBucketEnd(members);
  const evidence: Evidence[] = [
    ...(golden === undefined ? [] : [golden]),
    item('error_rate', {
      layer,
      providers: provider === null ? providers : [provider],
      models,
      share,
      baseline,
      failures: fails,
      calls,
      window_start: new Date(endMs - WINDOW * BUCKET_MS).toISOString(),
      window_end: new Date(endMs).toISOString(),
      observed: observedFromKey(mode(observed), reason),
    }),
  ].filter((e) => golden === undefined || e.kind !== 'error_rate');
  evidence.push(
    ...(probes === undefined ? [] : [probes]),
    ...contrast(reg, evals, layer, providers, models),
    ...statusEvidence(status, providers),
  );
  return {
    layer,
    reason,
    owner,
    scope,
    provider,
    models,
    startMs: Number.isFinite(startMs) ? startMs : lastBucketEnd(members) - 60_000,
    affectedSoFar: soFar,
    affectedNewest: newest,
    share,
    logP,
    reasons,
    evidence,
  };
}

/** The earliest failure of `layer` in the detection window (when the walk back found none). */
function earliestFailure(s: ScopeStats, layer: FailureLayer): number {
  let first = Infinity;
  for (const b of s.recent(WINDOW)) if (b.firstFailMs[layer] < first) first = b.firstFailMs[layer];
  return first;
}

/** The earliest failure in the contiguous run of elevated buckets before now. */
function walkBack(
  s: ScopeStats,
  layer: FailureLayer,
  baseline: number,
): { startMs: number; fails: number } {
  let startMs = Infinity;
  let fails = 0;
  let quiet = 0;
  for (const b of s.recent(60)) {
    if (b.calls === 0) {
      if (++quiet > 6) break;
      continue;
    }
    const share = b.fails[layer] / b.calls;
    // One failure in a bucket is what noise looks like; a run of the fault has more.
    if (b.fails[layer] < 2 || share < Math.max(2.5 * baseline, baseline + 0.02)) {
      if (++quiet > 1) break;
      continue;
    }
    quiet = 0;
    fails += b.fails[layer];
    if (b.firstFailMs[layer] < startMs) startMs = b.firstFailMs[layer];
  }
  return { startMs, fails };
}

function lastBucketEnd(members: readonly ScopeStats[]): number {
  const b = members[0] === undefined ? undefined : [...members[0].recent(1)][0];
  return b === undefined ? 0 : b.startMs + 10_000;
}
