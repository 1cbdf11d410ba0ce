/**
 * All scopes the engine keeps: each provider, and each of its models. Bounded: at most
 * `maxProviders` providers are tracked (calls to further ones count together as
 * `OVERFLOW_PROVIDER`), a provider tracks at most `maxModelsPerProvider` models (further ones count
 * together as `OVERFLOW_MODEL`), and scopes with no call in the longest window are dropped unless
 * an open incident needs them.
 */
import type { ProviderState } from './engine-state.js';
import { ScopeStats, type BucketClock } from './scope-stats.js';

/** The model that counts the calls of a provider's models beyond the cap. */
export const OVERFLOW_MODEL = 'other';
/** Models tracked per provider unless `createEngine({ maxModelsPerProvider })` says otherwise. */
export const DEFAULT_MAX_MODELS_PER_PROVIDER = 500;
/** The provider that counts the calls of providers beyond the cap. */
export const OVERFLOW_PROVIDER = 'other';
/**
 * Providers tracked unless `createEngine({ maxProviders })` says otherwise: far more than any app
 * calls (a few LLM APIs, a gateway or two), few enough that a stream of made-up provider names
 * costs a bounded few megabytes.
 */
export const DEFAULT_MAX_PROVIDERS = 200;

export interface ProviderScopes {
  readonly stats: ScopeStats;
  readonly models: Map<string, ScopeStats>;
  /** Whether calls of this provider have already overflowed into `OVERFLOW_MODEL`. */
  overflowed: boolean;
}

export class ScopeRegistry {
  readonly providers = new Map<string, ProviderScopes>();
  /** The start of the bucket records go into now; moved by the engine. */
  readonly clock: BucketClock = { startMs: NaN };

  /**
   * @param maxModels models tracked per provider.
   * @param onOverflow called the first time a provider's calls overflow into `OVERFLOW_MODEL`.
   * @param maxProviders providers tracked.
   * @param onProviderOverflow called for each call of an untracked provider beyond the cap.
   */
  constructor(
    private readonly maxModels: number,
    private readonly onOverflow: (provider: string, maxModels: number) => void,
    private readonly maxProviders = DEFAULT_MAX_PROVIDERS,
    private readonly onProviderOverflow: (provider: string, maxProviders: number) => void = () =>
      undefined,
  ) {}

  /** The model's and the provider's scopes, created on first sight. */
  scopesOf(provider: string, model: string): [ScopeStats, ScopeStats] {
    const p = this.#providerScopes(provider);
    let m = p.models.get(model);
    if (m === undefined) {
      const tracked = p.models.size - (p.models.has(OVERFLOW_MODEL) ? 1 : 0);
      const name = tracked < this.maxModels ? model : OVERFLOW_MODEL;
      if (name !== model && !p.overflowed) {
        p.overflowed = true;
        this.onOverflow(p.stats.provider, this.maxModels);
      }
      m = p.models.get(name);
      if (m === undefined) {
        m = new ScopeStats(p.stats.provider, name, this.clock);
        p.models.set(name, m);
      }
    }
    return [m, p.stats];
  }

  /** The provider's scopes, or `OVERFLOW_PROVIDER`'s once the cap is full. */
  #providerScopes(provider: string): ProviderScopes {
    const known = this.providers.get(provider);
    if (known !== undefined) return known;
    const tracked = this.providers.size - (this.providers.has(OVERFLOW_PROVIDER) ? 1 : 0);
    const name = tracked < this.maxProviders ? provider : OVERFLOW_PROVIDER;
    if (name !== provider) this.onProviderOverflow(provider, this.maxProviders);
    let p = this.providers.get(name);
    if (p === undefined) {
      p = { stats: new ScopeStats(name, null, this.clock), models: new Map(), overflowed: false };
      this.providers.set(name, p);
    }
    return p;
  }

  /**
   * Drops scopes with no call within the longest window (`HORIZON_MS`, ten minutes) of `nowMs` (their baselines go with them: a
   * model back after a long silence starts again from the priors). Scopes of a provider that
   * `keep` names only release their buckets, so an open incident keeps its baselines.
   */
  evictQuiet(nowMs: number, keep: (provider: string) => boolean): void {
    for (const [id, p] of this.providers) {
      const kept = keep(id);
      for (const [name, m] of p.models) {
        if (!m.quietSince(nowMs)) continue;
        if (kept) m.release();
        else p.models.delete(name);
      }
      if (!p.stats.quietSince(nowMs)) continue;
      if (kept || p.models.size > 0) p.stats.release();
      else this.providers.delete(id);
    }
  }

  /** Every provider's scopes as plain data, for `engine.snapshot()`. */
  toState(): ProviderState[] {
    return [...this.providers].map(([provider, p]) => ({
      provider,
      overflowed: p.overflowed,
      stats: p.stats.toState(),
      models: [...p.models.values()].map((m) => m.toState()),
    }));
  }

  /** Restores `toState()` into this (new, empty) registry; the clock is set by the engine. */
  restore(state: readonly ProviderState[]): void {
    for (const p of state) {
      const models = new Map<string, ScopeStats>();
      for (const m of p.models) {
        if (m.model === null)
          throw new TypeError(`engine snapshot: a model of ${p.provider} has no name`);
        models.set(m.model, ScopeStats.fromState(p.provider, m, this.clock));
      }
      const stats = ScopeStats.fromState(p.provider, p.stats, this.clock);
      this.providers.set(p.provider, { stats, models, overflowed: p.overflowed });
    }
  }

  /** Every scope, providers and models. */
  *all(): Generator<ScopeStats> {
    for (const p of this.providers.values()) {
      yield p.stats;
      yield* p.models.values();
    }
  }
}
