/** One evaluation at a bucket boundary: assess every scope, attribute anomalies to candidates. */
import type { Reason } from '../classify/index.js';
import { assessLatency, assessLayer } from './assess.js';
import type { DeadlineVerdictOf, ScopeEval } from './scope-eval.js';
import { bump, FAILURE_LAYERS, type FailureLayer } from './bucket.js';
import type { Candidate } from './candidate.js';
import { pct } from './format.js';
import { clockUtc } from '../comms/format-time.js';
import { listWords } from '../comms/format-words.js';
import { contrast, statusEvidence } from './evidence.js';
import { deadlineVerdict, slowCandidates } from './time-verdicts.js';
import type { Evidence, Scope } from './incident.js';
import { providerDisplayName as providerName } from '../comms/provider-display-name.js';
import type { ScopeRegistry } from './scope-registry.js';
import { BUCKET_MS, mode, type ScopeStats } from './scope-stats.js';
import type { StatusBoard } from './status-board.js';

/** One minute of buckets: the detection window. */
const WINDOW = 6;

/** The assessments of every scope with traffic in the last ten minutes. */
export function assessAll(reg: ScopeRegistry, nowMs: number): Map<ScopeStats, ScopeEval> {
  const out = new Map<ScopeStats, ScopeEval>();
  for (const s of reg.all()) {
    // No call in the window: nothing to assess, and no deadline to note.
    if (s.lastBucketMs < nowMs - WINDOW * BUCKET_MS) continue;
    for (const newest of s.recent(1)) s.noteDeadline(newest);
    const window = s.window(WINDOW);
    const layers = FAILURE_LAYERS.map((_, i) => assessLayer(window, i, s.baseline(i)));
    out.set(s, { stats: s, window, layers, latency: assessLatency(window, s) });
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
  FAILURE_LAYERS.forEach((layer, i) => {
    const hit: string[] = [];
    for (const [id, p] of reg.providers) {
      const pe = evals.get(p.stats);
      const anyModel = [...p.models.values()].some(
        (m) => evals.get(m)?.layers[i]!.anomalous === true,
      );
      if (pe?.layers[i]!.anomalous === true || anyModel) hit.push(id);
    }
    if (hit.length === 0) return;
    if ((layer === 'integration' || layer === 'network') && hit.length >= 2) {
      out.push(build(reg, evals, status, layer, i, null, hit));
    } else {
      for (const id of hit) out.push(build(reg, evals, status, layer, i, id, [id]));
    }
  });
  out.push(...slowCandidates(reg, evals, status));
  return out.map((c) => deadlineVerdict(c, reg, earlier));
}

function affectedModels(
  reg: ScopeRegistry,
  evals: Map<ScopeStats, ScopeEval>,
  provider: string,
  i: number,
): ScopeStats[] {
  const models = [...reg.providers.get(provider)!.models.values()];
  const members = models.filter((m) => evals.get(m)?.layers[i]!.member === true);
  if (members.length > 0) return members;
  // provider-wide anomaly spread thin over models: those with the most failures
  const most = Math.max(...models.map((m) => evals.get(m)?.window.fails[i] ?? 0));
  return models.filter((m) => most > 0 && (evals.get(m)?.window.fails[i] ?? 0) === most);
}

function build(
  reg: ScopeRegistry,
  evals: Map<ScopeStats, ScopeEval>,
  status: StatusBoard,
  layer: FailureLayer,
  i: number,
  provider: string | null,
  providers: readonly string[],
): Candidate {
  const members = providers.flatMap((p) => affectedModels(reg, evals, p, i));
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
    fails += e.window.fails[i]!;
    logP = Math.min(logP, e.layers[i]!.logP);
    for (const [r, n] of e.window.reasons[i]!) bump(reasons, r, n);
    for (const [o, n] of e.window.observed[i]!) bump(observed, o, n);
    const walk = walkBack(m, i, e.layers[i]!.baseline);
    startMs = Math.min(
      startMs,
      Number.isFinite(walk.startMs) ? walk.startMs : earliestFailure(m, i),
    );
    soFar += walk.fails;
    newest += [...m.recent(1)][0]?.fails[i] ?? 0;
  }
  const models = [...new Set(members.map((m) => m.model!))].sort();
  const scope: Scope = provider === null ? 'global' : models.length >= 2 ? 'provider' : 'model';
  const reason = mode(reasons) ?? 'server_error';
  const share = calls === 0 ? 0 : fails / calls;
  const owner =
    layer === 'integration'
      ? 'ours'
      : layer === 'network'
        ? provider === null
          ? 'ours'
          : 'provider'
        : 'provider';
  const baseline = members.length === 0 ? 0 : evals.get(members[0]!)!.layers[i]!.baseline;
  const who =
    provider === null ? listWords(providers.map((p) => providerName(p))) : providerName(provider);
  const what = mode(observed) ?? reason;
  const evidence: Evidence[] = [
    {
      kind: layer === 'model' ? 'output_checks' : 'error_rate',
      text: `${pct(share)} of ${who} calls to ${listWords(models)} ${layer === 'model' ? `returned HTTP 200 but were ${what}` : `failed with ${what}`} in the minute to ${clockUtc(lastBucketEnd(members))}, against ${pct(baseline)} normally`,
    },
    ...probeEvidence(members, evals, models),
    ...contrast(reg, evals, i, providers, models),
    ...statusEvidence(status, providers),
  ];
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

/** The earliest failure of layer `i` in the detection window (when the walk back found none). */
function earliestFailure(s: ScopeStats, i: number): number {
  let first = Infinity;
  for (const b of s.recent(WINDOW)) if (b.firstFailMs[i]! < first) first = b.firstFailMs[i]!;
  return first;
}

/** The earliest failure in the contiguous run of elevated buckets before now. */
function walkBack(s: ScopeStats, i: number, baseline: number): { startMs: number; fails: number } {
  let startMs = Infinity;
  let fails = 0;
  let quiet = 0;
  for (const b of s.recent(60)) {
    if (b.calls === 0) {
      if (++quiet > 6) break;
      continue;
    }
    const share = b.fails[i]! / b.calls;
    // One failure in a bucket is what noise looks like; a run of the fault has more.
    if (b.fails[i]! < 2 || share < Math.max(2.5 * baseline, baseline + 0.02)) {
      if (++quiet > 1) break;
      continue;
    }
    quiet = 0;
    fails += b.fails[i]!;
    if (b.firstFailMs[i]! < startMs) startMs = b.firstFailMs[i]!;
  }
  return { startMs, fails };
}

function lastBucketEnd(members: readonly ScopeStats[]): number {
  const b = members[0] === undefined ? undefined : [...members[0].recent(1)][0];
  return b === undefined ? 0 : b.startMs + 10_000;
}

/** Synthetic probes are counted for what they are: canaries that failed alongside real traffic. */
function probeEvidence(
  members: readonly ScopeStats[],
  evals: Map<ScopeStats, ScopeEval>,
  models: readonly string[],
): Evidence[] {
  let probes = 0;
  let failed = 0;
  for (const m of members) {
    probes += evals.get(m)!.window.probes;
    failed += evals.get(m)!.window.probeFails;
  }
  if (failed === 0) return [];
  return [
    {
      kind: 'probe',
      text: `${failed} of ${probes} synthetic probes to ${listWords(models)} failed in the same minute`,
    },
  ];
}
