/**
 * `GET /v1/health` (server-api.md): the live engine's verdict per provider and model, joined with
 * each provider's status page, and listing every provider watched by a probe or a status page even
 * with no calls now. Each model carries its breaker's state (`closed` where none runs) and is
 * `down` while it is open; a provider is `down` when every listed model's breaker is open. With a
 * gateway, each model also lists its targets' breakers (`targets`: an added key).
 */
import type { BreakerStateName } from '@faultline/core';
import type { LiveHealth } from '../live/index.js';
import type { StatusView } from './status-view.js';

export interface HealthSources {
  readonly live: () => LiveHealth;
  readonly statusView: StatusView;
  /** Providers with a probe or a status page configured. */
  readonly watched: () => readonly string[];
  /** The breaker state of a provider's model (default: none runs, `closed`). */
  readonly breaker?: (provider: string, model: string) => BreakerStateName;
  /** The gateway targets' breakers of a provider's model (default none). */
  readonly targets?: (
    provider: string,
    model: string,
  ) => readonly { readonly target: string; readonly state: BreakerStateName }[];
}

/** The `/v1/health` document. */
export function healthDocument(sources: HealthSources): Record<string, unknown> {
  const live = sources.live();
  const seen = new Set(live.providers.map((p) => p.provider));
  const breakerOf = sources.breaker ?? (() => 'closed');
  const providers: Record<string, unknown>[] = live.providers.map((p) => {
    const models = p.models.map((m) => {
      const breaker = breakerOf(p.provider, m.model);
      const targets = (sources.targets?.(p.provider, m.model) ?? []).map((t) => ({
        target: t.target,
        breaker: t.state,
      }));
      return { ...m, state: breaker === 'open' ? 'down' : m.state, breaker, targets };
    });
    const allOpen = models.length > 0 && models.every((m) => m.breaker === 'open');
    return {
      provider: p.provider,
      state: allOpen ? 'down' : p.state,
      status_page: sources.statusView.health(p.provider),
      calls_1m: p.calls_1m,
      failure_share_1m: p.failure_share_1m,
      incident: p.incident,
      models,
    };
  });
  const quiet = [...sources.watched(), ...sources.statusView.providers()].filter(
    (p) => !seen.has(p),
  );
  for (const provider of new Set(quiet)) {
    providers.push({
      provider,
      state: 'ok',
      status_page: sources.statusView.health(provider),
      calls_1m: 0,
      failure_share_1m: 0,
      incident: null,
      models: [],
    });
  }
  return { at: live.at, providers };
}
