/** One evaluation at a bucket boundary: every signal reads every scope, then proposes candidates. */
import { perLayer } from '../diagnosis/index.js';
import type { Candidate } from './candidate.js';
import type { LayerAssessment, ScopeEval } from './scope-eval.js';
import type { ScopeRegistry } from './scope-registry.js';
import type { ScopeStats } from './scope-stats.js';
import { failureShare, readShares } from './signals/failure-share.js';
import { SIGNALS } from './signals/registry.js';
import type { Evaluation, ScopeView, Verdict } from './signals/signal.js';
import { sumBuckets } from './window-stats.js';
import { TIME } from './tuning.js';

/** The assessments of every scope with a call in the detection window. */
export function assessAll(reg: ScopeRegistry, nowMs: number): Map<ScopeStats, ScopeEval> {
  const out = new Map<ScopeStats, ScopeEval>();
  for (const stats of reg.all()) {
    // No call in the window: nothing to assess, and no deadline to note.
    if (stats.lastBucketMs < nowMs - TIME.windowBuckets * TIME.bucketMs) continue;
    const buckets = [...stats.recent(TIME.windowBuckets)];
    const pooled = stats.model === null ? (reg.providers.get(stats.provider)?.models.size ?? 1) : 1;
    const view: ScopeView = { stats, buckets, window: sumBuckets(buckets), pooled };
    const base = readShares(view);
    const readings = new Map<string, unknown>([[failureShare.name, base]]);
    for (const s of SIGNALS) {
      const r = s === failureShare ? undefined : s.read?.(view);
      if (r !== undefined) readings.set(s.name, r);
    }
    const layers = perLayer((l) => {
      let a = base[l];
      for (const s of SIGNALS) {
        const r = readings.get(s.name);
        if (s === failureShare || s.verdict === undefined || r === undefined) continue;
        a = overlay(a, s.verdict(r, l, base[l]));
      }
      return a;
    });
    out.set(stats, { stats, window: view.window, layers, readings });
  }
  return out;
}

/** Another signal's verdict on a layer: a raise makes it anomalous (and a member), a sustain elevated. */
function overlay(a: LayerAssessment, v: Verdict): LayerAssessment {
  if (v === 'raise') return { ...a, anomalous: true, elevated: true, member: true };
  if (v === 'sustain') return { ...a, elevated: true };
  return a;
}

/**
 * Candidates from this evaluation: every signal's proposals, each revised by every signal, less
 * those a revision holds back until its evidence is in (see `Proposal.held`).
 */
export function attribute(ev: Evaluation): Candidate[] {
  const proposals = SIGNALS.flatMap((s) => s.propose?.(ev) ?? []);
  return proposals
    .map((p) => SIGNALS.reduce((q, s) => (s.revise === undefined ? q : s.revise(q, ev)), p))
    .filter((p) => p.held !== true)
    .map((p) => p.candidate);
}
