/** What is not affected: other providers at their normal rate, and the provider's healthy models. */
import { evidence as item, type Evidence } from '../../diagnosis/index.js';
import type { ScopeEval } from '../scope-eval.js';
import { CONTRAST } from '../tuning.js';
import type { Evaluation, Proposal, Signal } from './signal.js';

/** Healthy at the proposal's layer, on enough calls. */
const fine = (e: ScopeEval | undefined, p: Proposal): e is ScopeEval =>
  e !== undefined && e.window.calls >= CONTRAST.seenCalls && !e.layers[p.candidate.layer].elevated;

/** The contrast signal: `cross_provider` and `sibling_models` evidence for a failure incident. */
export const contrast: Signal = {
  name: 'contrast',
  revise(p, ev) {
    if (p.basis !== 'failures') return p;
    const c = p.candidate;
    return { ...p, candidate: { ...c, evidence: [...c.evidence, ...unaffected(p, ev)] } };
  },
};

function unaffected(p: Proposal, ev: Evaluation): Evidence[] {
  const { layer, models } = p.candidate;
  const out: Evidence[] = [];
  const healthy = [...ev.reg.providers]
    .filter(([id]) => !p.providers.includes(id))
    .map(([id, s]) => ({ id, e: ev.evals.get(s.stats) }))
    .filter((o) => fine(o.e, p));
  if (healthy.length > 0) {
    const named = healthy.slice(0, CONTRAST.maxProviders).map((o) => ({
      provider: o.id,
      share: o.e!.window.fails[layer] / o.e!.window.calls,
      calls: o.e!.window.calls,
    }));
    out.push(item('cross_provider', { layer, providers: named }));
  }
  if (p.providers.length === 1) {
    const provider = p.providers[0]!;
    const siblings = [...ev.reg.providers.get(provider)!.models.values()].filter(
      (m) => !models.includes(m.model!) && fine(ev.evals.get(m), p),
    );
    if (siblings.length > 0)
      out.push(item('sibling_models', { layer, provider, models: siblings.map((m) => m.model!) }));
  }
  return out;
}
