/** One step of the engine at a bucket boundary: assess, attribute, keep open, resolve, learn. */
import { perLayer, type FailureLayer } from '../diagnosis/index.js';
import { assessAll, attribute } from './evaluate.js';
import type { ScopeEval } from './scope-eval.js';
import type { ScopeRegistry } from './scope-registry.js';
import type { ScopeStats } from './scope-stats.js';
import { latency } from './signals/latency.js';
import { driftingProviders } from './signals/latency-trend.js';
import { SIGNALS } from './signals/registry.js';
import { newestOf, readingOf, type OpenIncident } from './signals/signal.js';
import type { StatusBoard } from './status-board.js';
import type { Tracked, Tracker } from './tracker.js';

/** Evaluates every scope at `nowMs` and moves the incidents on. */
export function evaluateAt(
  nowMs: number,
  reg: ScopeRegistry,
  status: StatusBoard,
  tracker: Tracker,
): void {
  const evals = assessAll(reg, nowMs);
  if (evals.size === 0 && tracker.open().length === 0) return;
  const earlier = (provider: string): 'ours' | 'theirs' | undefined => {
    for (const t of tracker.open()) {
      if (t.candidate.provider !== provider) continue;
      if (t.candidate.reason === 'client_timeout') return 'ours';
      if (t.candidate.reason === 'slow') return 'theirs';
    }
    return undefined;
  };
  const openSince = (layer: FailureLayer, provider: string | null): number | undefined =>
    tracker.open().find((t) => t.candidate.layer === layer && t.candidate.provider === provider)
      ?.startMs;
  for (const c of attribute({ reg, evals, status, earlier, openSince })) tracker.apply(c, nowMs);
  for (const t of tracker.open()) {
    const newest = stillElevated(t, reg, evals);
    if (newest !== undefined && t.lastElevatedMs !== nowMs) tracker.stillElevated(t, nowMs, newest);
  }
  tracker.resolveQuiet(nowMs);
  learn(evals, tracker, driftingProviders(reg, evals));
}

/**
 * For an open incident: affected calls in its models' newest buckets if still elevated, else
 * undefined. The last registered signal that holds the incident decides.
 */
function stillElevated(
  t: Tracked,
  reg: ScopeRegistry,
  evals: Map<ScopeStats, ScopeEval>,
): number | undefined {
  const c = t.candidate;
  const incident: OpenIncident = {
    layer: c.layer,
    reason: c.reason,
    models: t.models,
    evidence: t.evidence,
  };
  const holder = SIGNALS.findLast((s) => s.holds?.(incident) === true);
  if (holder?.sustained === undefined) return undefined;
  const providers = c.provider === null ? [...reg.providers.keys()] : [c.provider];
  let elevated = false;
  let newest = 0;
  for (const p of providers) {
    for (const m of reg.providers.get(p)?.models.values() ?? []) {
      if (!t.models.has(m.model!)) continue;
      const e = evals.get(m);
      if (e === undefined) continue;
      const n = holder.sustained(incident, e, newestOf(m));
      if (n === undefined) continue;
      elevated = true;
      newest += n;
    }
  }
  return elevated ? newest : undefined;
}

/** Baselines learn only from what looks normal now and is not part of an open incident. */
function learn(
  evals: Map<ScopeStats, ScopeEval>,
  tracker: Tracker,
  drifting: ReadonlySet<string>,
): void {
  const open = tracker.open();
  for (const [s, e] of evals) {
    const newest = newestOf(s);
    if (newest === undefined) continue;
    const skip = perLayer(
      (layer) =>
        e.layers[layer].elevated ||
        open.some(
          (t) =>
            t.candidate.layer === layer &&
            (t.candidate.provider === null || t.candidate.provider === s.provider),
        ),
    );
    const slowOpen =
      drifting.has(s.provider) ||
      open.some((t) => t.candidate.reason === 'slow' && t.candidate.provider === s.provider);
    // A baseline without enough healthy data behind it cannot judge, so it learns what it sees.
    const l = readingOf(e, latency);
    const judged = (l?.elevated === true || l?.drifting === true) && s.p50.ready;
    s.learn(newest, skip, judged || slowOpen || skip.integration, e.window);
  }
}
