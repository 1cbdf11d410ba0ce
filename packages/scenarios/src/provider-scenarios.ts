/** Scenarios where the provider's API breaks: overload, one model down, capacity 429s, a blip. */
import { defineScenario } from './define-scenario.js';
import type { FailFault } from './fault.js';
import { failing, onModels, onProvider, respondWith } from './fault-builders.js';
import type { TruthIncident } from './generated-scenario.js';
import * as E from './provider-errors.js';
import { truthIncident, windowAt, type TimeWindow } from './scenario-frame.js';
import { statusReadings } from './status-readings.js';
import { modelsOf } from './traffic-mix.js';

const MIN = 60_000;
/** The two Opus models of the reference incident, sorted. */
export const OPUS_MODELS = ['claude-opus-4-7', 'claude-opus-4-8'];

/** Anthropic 529 `overloaded_error` on both Opus models: the incident of reference/incidents.md. */
export function opusOverload(window: TimeWindow): { fault: FailFault; truth: TruthIncident } {
  return {
    fault: failing(window, onModels(...OPUS_MODELS), 0.4, respondWith([E.ANTHROPIC_OVERLOADED, 1])),
    truth: truthIncident(window, {
      layer: 'provider',
      owner: 'provider',
      reason: 'overloaded',
      scope: 'provider',
      provider: 'anthropic',
      models: OPUS_MODELS,
    }),
  };
}

/** Truth: provider / overloaded, provider's, scope provider (anthropic, both Opus models). */
export const providerOverload = defineScenario({
  name: 'provider-overload',
  description:
    'Anthropic returns 529 overloaded_error for ~40% of claude-opus-4-7 and claude-opus-4-8 calls for 18 min; ' +
    'sonnet and the other providers are fine. The status page shows partial_outage only 15 min in.',
  plan(frame) {
    const window = windowAt(frame, 18 * MIN);
    const overload = opusOverload(window);
    const lengthMs = window.endMs - window.startMs;
    const status = statusReadings({
      provider: 'anthropic',
      component: 'Claude API',
      fromMs: frame.fromMs,
      toMs: frame.toMs,
      everyMs: 2 * MIN,
      periods: [
        {
          // Status pages lag: posted ~15 min in, kept through a monitoring phase after recovery.
          startMs: window.startMs + Math.min(15 * MIN, 0.8 * lengthMs),
          endMs: window.endMs + 8 * MIN,
          status: 'partial_outage',
          incident: 'Elevated errors on Claude Opus 4.7 and Claude Opus 4.8',
        },
      ],
    });
    return { faults: [overload.fault], truth: [overload.truth], status };
  },
});

/** Truth: provider / server_error, provider's, scope model (gpt-5.1). */
export const oneModelDown = defineScenario({
  name: 'one-model-down',
  description:
    'gpt-5.1 returns 500 server_error / 503 for ~90% of calls for 10 min; gpt-4.1-mini is fine.',
  plan(frame) {
    const window = windowAt(frame, 10 * MIN);
    const fail = respondWith([E.OPENAI_SERVER_ERROR, 0.7], [E.OPENAI_UNAVAILABLE, 0.3]);
    return {
      faults: [failing(window, onModels('gpt-5.1'), 0.9, fail)],
      truth: [
        truthIncident(window, {
          layer: 'provider',
          owner: 'provider',
          reason: 'server_error',
          scope: 'model',
          provider: 'openai',
          models: ['gpt-5.1'],
        }),
      ],
    };
  },
});

/** Truth: provider / overloaded, provider's, scope provider (google): the body, not the 429, decides. */
export const capacity429 = defineScenario({
  name: 'capacity-429',
  description:
    'Google answers ~50% of Gemini calls with 429 RESOURCE_EXHAUSTED "Resource exhausted, please try again later." ' +
    'for 15 min: the shared pool is out of capacity (Vertex pay-as-you-go wording), not our quota.',
  plan(frame) {
    const window = windowAt(frame, 15 * MIN);
    return {
      faults: [failing(window, onProvider('google'), 0.5, respondWith([E.GOOGLE_CAPACITY_429, 1]))],
      truth: [
        truthIncident(window, {
          layer: 'provider',
          owner: 'provider',
          reason: 'overloaded',
          scope: 'provider',
          provider: 'google',
          models: modelsOf('google'),
        }),
      ],
    };
  },
});

/** Truth: provider / overloaded, provider's, scope provider (anthropic, all models), 2 min. */
export const twoMinuteBlip = defineScenario({
  name: 'two-minute-blip',
  description: 'Anthropic returns 529 overloaded_error on ~60% of calls to every model for 2 min.',
  defaults: { durationMs: 40 * MIN },
  plan(frame) {
    const window = windowAt(frame, 2 * MIN);
    const fail = respondWith([E.ANTHROPIC_OVERLOADED, 1]);
    return {
      faults: [failing(window, onProvider('anthropic'), 0.6, fail)],
      truth: [
        truthIncident(window, {
          layer: 'provider',
          owner: 'provider',
          reason: 'overloaded',
          scope: 'provider',
          provider: 'anthropic',
          models: modelsOf('anthropic'),
        }),
      ],
    };
  },
});
