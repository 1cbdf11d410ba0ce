/** Scenarios joined by the server's probes: a fault at night, our egress, a provider's DNS. */
import { defineScenario } from './define-scenario.js';
import { dropWith, failing, onProvider, respondWith } from './fault-builders.js';
import { fromApps, probeTraffic } from './probe-traffic.js';
import * as E from './provider-errors.js';
import { truthIncident, windowAt, type ScenarioFrame } from './scenario-frame.js';
import type { Fault } from './fault.js';
import { allModels, modelsOf } from './traffic-mix.js';

const MIN = 60_000;
/** One round of probes (a call per model) every 30 s, as the server would run them. */
export const PROBE_EVERY_MS = 30_000;

/** The probes of a frame, under the same faults as the apps' traffic. */
function probesOf(frame: ScenarioFrame, faults: readonly Fault[]) {
  return probeTraffic({ ...frame, everyMs: PROBE_EVERY_MS, faults });
}

/** Truth: provider / server_error, provider's, scope provider (openai); seen by the probes. */
export const nightProbeOnly = defineScenario({
  name: 'night-probe-only',
  description:
    'At 03:00 UTC, with about one app call a minute, OpenAI answers every call with 500 server_error ' +
    '(some 503) for 15 min. Probes (one small call per model every 30 s) show it long before app traffic can.',
  // Thursday 02:30 UTC: a mean of 0.04 req/s runs at ~0.42× at night, ~1 call a minute.
  defaults: { startMs: Date.UTC(2026, 10, 19, 2, 30), ratePerSec: 0.04 },
  plan(frame) {
    const window = windowAt(frame, 15 * MIN);
    const fail = respondWith([E.OPENAI_SERVER_ERROR, 0.85], [E.OPENAI_UNAVAILABLE, 0.15]);
    const faults = [failing(window, onProvider('openai'), 1, fail)];
    return {
      faults,
      extra: probesOf(frame, faults),
      truth: [
        truthIncident(window, {
          layer: 'provider',
          owner: 'provider',
          reason: 'server_error',
          scope: 'provider',
          provider: 'openai',
          models: modelsOf('openai'),
          probes: 'failing',
          seenBy: 'probe',
        }),
      ],
    };
  },
});

/** Truth: network / dns, ours, scope global: the apps' calls fail, the probes' succeed. */
export const egressBrokenProbesFine = defineScenario({
  name: 'egress-broken-probes-fine',
  needs: ['probes'],
  description:
    "A deploy points the apps' resolver at a dead DNS forwarder for 12 min: app calls to every provider " +
    'fail (ENOTFOUND, EAI_AGAIN, some ECONNREFUSED from the sidecar) while the server probes of the same ' +
    'providers, on their own path, succeed: our side.',
  plan(frame) {
    const window = windowAt(frame, 12 * MIN);
    const drop = dropWith(['ENOTFOUND', 0.55], ['EAI_AGAIN', 0.3], ['ECONNREFUSED', 0.15]);
    const faults = [failing(window, fromApps, 1, drop)];
    return {
      faults,
      extra: probesOf(frame, faults),
      truth: [
        truthIncident(window, {
          layer: 'network',
          owner: 'ours',
          reason: 'dns',
          scope: 'global',
          provider: null,
          models: allModels(),
          probes: 'healthy',
        }),
      ],
    };
  },
});

/**
 * Truth: network / connect_refused, ours, scope provider (anthropic): one provider's calls from
 * the apps fail to connect, the server's probes of it succeed. Without the probes this reads as
 * Anthropic's host (one provider's network); the verdict must be ours from the first report.
 */
export const egressToOneProviderBroken = defineScenario({
  name: 'egress-to-one-provider-broken',
  needs: ['probes'],
  description:
    "A rule pushed to our egress proxy blocks api.anthropic.com for 12 min: the apps' calls to Anthropic " +
    'are refused (ECONNREFUSED, some ECONNRESET) while the server probes of Anthropic, on their own path, ' +
    'succeed; OpenAI and Google are reached normally.',
  plan(frame) {
    const window = windowAt(frame, 12 * MIN);
    const drop = dropWith(['ECONNREFUSED', 0.85], ['ECONNRESET', 0.15]);
    const toAnthropic = onProvider('anthropic');
    const faults = [failing(window, (ctx) => fromApps(ctx) && toAnthropic(ctx), 1, drop)];
    return {
      faults,
      extra: probesOf(frame, faults),
      truth: [
        truthIncident(window, {
          layer: 'network',
          owner: 'ours',
          reason: 'connect_refused',
          scope: 'provider',
          provider: 'anthropic',
          models: modelsOf('anthropic'),
          probes: 'healthy',
        }),
      ],
    };
  },
});

/** Truth: network / dns, provider's, scope provider (google): apps and probes both fail. */
export const providerDnsFailing = defineScenario({
  name: 'provider-dns-failing',
  description:
    "Google's DNS for generativelanguage.googleapis.com fails for 15 min: ~85% of lookups from the apps " +
    'and from the server probes alike end in EAI_AGAIN (some ENOTFOUND); Anthropic and OpenAI resolve fine.',
  plan(frame) {
    const window = windowAt(frame, 15 * MIN);
    const drop = dropWith(['EAI_AGAIN', 0.7], ['ENOTFOUND', 0.3]);
    const faults = [failing(window, onProvider('google'), 0.85, drop)];
    return {
      faults,
      extra: probesOf(frame, faults),
      truth: [
        truthIncident(window, {
          layer: 'network',
          owner: 'provider',
          reason: 'dns',
          scope: 'provider',
          provider: 'google',
          models: modelsOf('google'),
          probes: 'failing',
        }),
      ],
    };
  },
});
