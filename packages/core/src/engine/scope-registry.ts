/** All scopes the engine has seen: each provider, and each of its models. */
import { ScopeStats } from './scope-stats.js';

export interface ProviderScopes {
  readonly stats: ScopeStats;
  readonly models: Map<string, ScopeStats>;
}

export class ScopeRegistry {
  readonly providers = new Map<string, ProviderScopes>();

  /** The provider's and the model's scopes, created on first sight at bucket `startMs`. */
  scopesOf(provider: string, model: string, startMs: number): [ScopeStats, ScopeStats] {
    let p = this.providers.get(provider);
    if (p === undefined) {
      p = { stats: new ScopeStats(provider, provider, null, startMs), models: new Map() };
      this.providers.set(provider, p);
    }
    let m = p.models.get(model);
    if (m === undefined) {
      m = new ScopeStats(`${provider}/${model}`, provider, model, startMs);
      p.models.set(model, m);
    }
    return [m, p.stats];
  }

  /** Every scope, providers and models. */
  *all(): Generator<ScopeStats> {
    for (const p of this.providers.values()) {
      yield p.stats;
      yield* p.models.values();
    }
  }
}
