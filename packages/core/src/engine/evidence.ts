/** Evidence sentences: what is not affected (other providers, sibling models) and status pages. */
import { pct } from './format.js';
import { clockUtc } from '../comms/format-time.js';
import { listWords } from '../comms/format-words.js';
import type { Evidence } from './incident.js';
import { providerDisplayName as providerName } from '../comms/provider-display-name.js';
import type { ScopeRegistry } from './scope-registry.js';
import type { ScopeStats } from './scope-stats.js';
import type { StatusBoard } from './status-board.js';
import type { ScopeEval } from './scope-eval.js';

/** What is not affected: other providers, and the provider's other models. */
export function contrast(
  reg: ScopeRegistry,
  evals: Map<ScopeStats, ScopeEval>,
  i: number,
  providers: readonly string[],
  models: readonly string[],
): Evidence[] {
  const out: Evidence[] = [];
  const others = [...reg.providers].filter(([id]) => !providers.includes(id));
  const healthy = others
    .map(([id, p]) => ({ id, e: evals.get(p.stats) }))
    .filter((o) => o.e !== undefined && o.e.window.calls >= 5 && !o.e.layers[i]!.elevated);
  if (healthy.length > 0) {
    const parts = healthy
      .slice(0, 3)
      .map((o) => `${providerName(o.id)} (${pct(o.e!.window.fails[i]! / o.e!.window.calls)})`);
    out.push({
      kind: 'cross_provider',
      text: `Over the same minutes, calls to ${listWords(parts)} failed at their normal rate`,
    });
  }
  if (providers.length === 1) {
    const siblings = [...reg.providers.get(providers[0]!)!.models.values()].filter(
      (m) => !models.includes(m.model!),
    );
    const fine = siblings.filter((m) => {
      const e = evals.get(m);
      return e !== undefined && e.window.calls >= 5 && !e.layers[i]!.elevated;
    });
    if (fine.length > 0) {
      out.push({
        kind: 'cross_model',
        text: `${listWords(fine.map((m) => m.model!))} at the same provider worked normally`,
      });
    }
  }
  return out;
}

export function statusEvidence(status: StatusBoard, providers: readonly string[]): Evidence[] {
  for (const p of providers) {
    const c = status.degraded(p)[0];
    if (c !== undefined) {
      return [
        {
          kind: 'status_page',
          text: `${providerName(p)} status page listed ${c.component} as ${c.status} from ${clockUtc(c.sinceMs)}`,
        },
      ];
    }
  }
  return [];
}
