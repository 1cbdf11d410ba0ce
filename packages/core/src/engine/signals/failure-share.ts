/**
 * Failure share per layer: a layer's failures in the last minute against the scope's learned
 * share. The base signal: its assessment is what the other signals' verdicts overlay.
 */
import { FAILURE_LAYERS, perLayer } from '../../diagnosis/index.js';
import type { LayerTable } from '../bucket.js';
import type { LayerAssessment, ScopeEval } from '../scope-eval.js';
import { FAILURE_SHARE } from '../tuning.js';
import { failureProposal } from './failure-candidate.js';
import { assessLayer } from './layer-share.js';
import {
  readingOf,
  type OpenIncident,
  type Proposal,
  type ScopeView,
  type Signal,
} from './signal.js';

/** Every layer's failure share in `view`'s window, against the scope's learned baselines. */
export function readShares(view: ScopeView): LayerTable<LayerAssessment> {
  const { stats, buckets, window, pooled } = view;
  return perLayer((l) => assessLayer(window, l, stats.baseline(l), buckets, pooled));
}

/** The failure share signal: raises per layer, groups by provider, global for ours at two or more. */
export const failureShare: Signal<LayerTable<LayerAssessment>> = {
  name: 'failure-share',
  read: readShares,
  verdict: (reading, layer) =>
    reading[layer].anomalous ? 'raise' : reading[layer].elevated ? 'sustain' : 'clear',
  propose(ev) {
    const out: Proposal[] = [];
    for (const layer of FAILURE_LAYERS) {
      const hit: string[] = [];
      for (const [id, p] of ev.reg.providers) {
        const pe = ev.evals.get(p.stats);
        // Every call counts at its provider too: a provider not assessed has no model assessed.
        if (pe === undefined) continue;
        const anyModel = [...p.models.values()].some(
          (m) => ev.evals.get(m)?.layers[layer].anomalous === true,
        );
        if (pe.layers[layer].anomalous || anyModel) hit.push(id);
      }
      if (hit.length === 0) continue;
      // Integration or network failures at two or more providers: ours (our deploy, our egress).
      // Provider and model failures stay apart: providers rarely fail together (incidents.md).
      if ((layer === 'integration' || layer === 'network') && hit.length >= 2) {
        out.push(failureProposal(ev, layer, null, hit));
      } else for (const id of hit) out.push(failureProposal(ev, layer, id, [id]));
    }
    return out;
  },
  holds: () => true,
  sustained: (incident, e, newest) =>
    keepsOpen(incident, e) ? (newest?.fails[incident.layer] ?? 0) : undefined,
};

/**
 * Whether `e`'s scope keeps `incident` open. Any one of the incident's models does, so a share
 * that is merely elevated is tested at the keep-open level shared over them (Bonferroni): at
 * p ≤ 1% on each of two models, background noise at one kept a provider incident open for six
 * minutes after the fault (scenario flapping-recovery, seed 5).
 */
function keepsOpen(incident: OpenIncident, e: ScopeEval): boolean {
  const layer = incident.layer;
  if (!e.layers[layer].elevated) return false;
  const own = readingOf(e, failureShare)?.[layer];
  // Kept elevated by another signal's verdict (probe rounds, canaries), or still anomalous.
  if (own === undefined || !own.elevated || own.anomalous) return true;
  return own.logP <= FAILURE_SHARE.elevated.logP - Math.log(Math.max(1, incident.models.size));
}
