/** One step of the engine at a bucket boundary: assess, attribute, keep open, resolve, learn. */
import { perLayer } from '../diagnosis/index.js';
import { assessAll, attribute } from './evaluate.js';
import type { ScopeEval } from './scope-eval.js';
import type { ScopeRegistry } from './scope-registry.js';
import type { ScopeStats } from './scope-stats.js';
import type { StatusBoard } from './status-board.js';
import type { Tracked, Tracker } from './tracker.js';

/** Evaluates every scope at `nowMs` and moves the incidents on. */
export function evaluateAt(
  nowMs: number,
  scopes: ScopeRegistry,
  status: StatusBoard,
  tracker: Tracker,
): void {
  const evals = assessAll(scopes, nowMs);
  if (evals.size === 0 && tracker.open().length === 0) return;
  const earlier = (provider: string): 'ours' | 'theirs' | undefined => {
    for (const t of tracker.open()) {
      if (t.candidate.provider !== provider) continue;
      if (t.candidate.reason === 'client_timeout') return 'ours';
      if (t.candidate.reason === 'slow') return 'theirs';
    }
    return undefined;
  };
  for (const c of attribute(scopes, evals, status, earlier)) tracker.apply(c, nowMs);
  for (const t of tracker.open()) {
    const newest = stillElevated(t, scopes, evals);
    if (newest !== undefined && t.lastElevatedMs !== nowMs) tracker.stillElevated(t, nowMs, newest);
  }
  tracker.resolveQuiet(nowMs);
  learn(evals, tracker);
}

/** For an open incident: failures in its scope's newest bucket if still elevated, else undefined. */
function stillElevated(
  t: Tracked,
  scopes: ScopeRegistry,
  evals: Map<ScopeStats, ScopeEval>,
): number | undefined {
  const c = t.candidate;
  const layer = c.layer;
  const providers = c.provider === null ? [...scopes.providers.keys()] : [c.provider];
  const slowIncident = c.reason === 'slow';
  // An incident the canaries raised stays open on them, not on the traffic's own noise.
  const onCanaries = t.evidence.has('golden');
  let elevated = false;
  let newest = 0;
  for (const p of providers) {
    for (const m of scopes.providers.get(p)?.models.values() ?? []) {
      if (!t.models.has(m.model!)) continue;
      const e = evals.get(m);
      if (e === undefined) continue;
      // A slow incident stays open while latency (or integration failures at our deadline) stay up.
      if (
        slowIncident
          ? e.latency.elevated || e.layers.integration.elevated
          : onCanaries
            ? e.golden?.elevated === true
            : e.layers[layer].elevated
      ) {
        elevated = true;
        const b = [...m.recent(1)][0];
        newest += slowIncident
          ? (b?.calls ?? 0)
          : onCanaries
            ? (b?.goldenFails ?? 0)
            : (b?.fails[layer] ?? 0);
      }
    }
  }
  return elevated ? newest : undefined;
}

/** Baselines learn only from what looks normal now and is not part of an open incident. */
function learn(evals: Map<ScopeStats, ScopeEval>, tracker: Tracker): void {
  const open = tracker.open();
  for (const [s, e] of evals) {
    const newest = [...s.recent(1)][0];
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
    const slowOpen = open.some(
      (t) => t.candidate.reason === 'slow' && t.candidate.provider === s.provider,
    );
    // A baseline without enough healthy data behind it cannot judge, so it learns what it sees.
    const judged = e.latency.elevated && s.p50.ready;
    s.learn(newest, skip, judged || slowOpen || skip.integration);
  }
}
