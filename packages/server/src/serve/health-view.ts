/**
 * `GET /v1/health` (server-api.md): the live engine's verdict per provider and model, joined with
 * each provider's status page, and listing every provider watched by a probe or a status page even
 * with no calls now. No breaker runs yet (issue 11): every `breaker` is `closed`, as the spec
 * says for that case.
 */
import type { LiveHealth } from '../live/index.js';
import type { StatusView } from './status-view.js';

export interface HealthSources {
  readonly live: () => LiveHealth;
  readonly statusView: StatusView;
  /** Providers with a probe or a status page configured. */
  readonly watched: () => readonly string[];
}

/** The `/v1/health` document. */
export function healthDocument(sources: HealthSources): Record<string, unknown> {
  const live = sources.live();
  const seen = new Set(live.providers.map((p) => p.provider));
  const providers: Record<string, unknown>[] = live.providers.map((p) => ({
    provider: p.provider,
    state: p.state,
    status_page: sources.statusView.health(p.provider),
    calls_1m: p.calls_1m,
    failure_share_1m: p.failure_share_1m,
    incident: p.incident,
    models: p.models.map((m) => ({ ...m, breaker: 'closed' })),
  }));
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
