/** Evidence of what is not affected (other providers, sibling models), and of status pages. */
import { evidence as item, type Evidence, type FailureLayer } from '../diagnosis/index.js';
import type { ScopeRegistry } from './scope-registry.js';
import type { ScopeStats } from './scope-stats.js';
import type { StatusBoard } from './status-board.js';
import type { ScopeEval } from './scope-eval.js';

/** What is not affected at `layer`: other providers, and the provider's other models. */
export function contrast(
  reg: ScopeRegistry,
  evals: Map<ScopeStats, ScopeEval>,
  layer: FailureLayer,
  providers: readonly string[],
  models: readonly string[],
): Evidence[] {
  const out: Evidence[] = [];
  const others = [...reg.providers].filter(([id]) => !providers.includes(id));
  const healthy = others
    .map(([id, p]) => ({ id, e: evals.get(p.stats) }))
    .filter((o) => o.e !== undefined && o.e.window.calls >= 5 && !o.e.layers[layer].elevated);
  if (healthy.length > 0) {
    const named = healthy.slice(0, 3).map((o) => ({
      provider: o.id,
      share: o.e!.window.fails[layer] / o.e!.window.calls,
      calls: o.e!.window.calls,
    }));
    out.push(item('cross_provider', { layer, providers: named }));
  }
  if (providers.length === 1) {
    const provider = providers[0]!;
    const siblings = [...reg.providers.get(provider)!.models.values()].filter(
      (m) => !models.includes(m.model!),
    );
    const fine = siblings.filter((m) => {
      const e = evals.get(m);
      return e !== undefined && e.window.calls >= 5 && !e.layers[layer].elevated;
    });
    if (fine.length > 0) {
      out.push(item('sibling_models', { layer, provider, models: fine.map((m) => m.model!) }));
    }
  }
  return out;
}

/** The first not-operational component of the providers' status pages, as evidence. */
export function statusEvidence(status: StatusBoard, providers: readonly string[]): Evidence[] {
  for (const provider of providers) {
    const c = status.degraded(provider)[0];
    if (c !== undefined) {
      return [
        item('status_page', {
          provider,
          component: c.component,
          status: c.status,
          since: new Date(c.sinceMs).toISOString(),
        }),
      ];
    }
  }
  return [];
}
