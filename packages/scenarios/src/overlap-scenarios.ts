/** Scenario: two providers fail on their own at once; neither is a global fault of ours. */
import { defineScenario } from './define-scenario.js';
import { failing, onProvider, respondWith } from './fault-builders.js';
import * as E from './provider-errors.js';
import { truthIncident, windowAt } from './scenario-frame.js';
import { modelsOf } from './traffic-mix.js';

const MIN = 60_000;

/** Truth: provider / overloaded (anthropic) and provider / server_error (openai), overlapping. */
export const twoProvidersAtOnce = defineScenario({
  name: 'two-providers-at-once',
  description:
    'Anthropic 529 overloaded_error on ~45% of calls to every Claude model for 16 min and, ~10 min later, ' +
    'OpenAI 500 server_error on ~50% of its calls for 14 min: two provider incidents, not one of ours.',
  defaults: { durationMs: 55 * MIN },
  plan(frame) {
    const anthropic = windowAt(frame, 16 * MIN, 0.42);
    const openai = windowAt(frame, 14 * MIN, 0.6);
    return {
      faults: [
        failing(anthropic, onProvider('anthropic'), 0.45, respondWith([E.ANTHROPIC_OVERLOADED, 1])),
        failing(openai, onProvider('openai'), 0.5, respondWith([E.OPENAI_SERVER_ERROR, 1])),
      ],
      truth: [
        truthIncident(anthropic, {
          layer: 'provider',
          owner: 'provider',
          reason: 'overloaded',
          scope: 'provider',
          provider: 'anthropic',
          models: modelsOf('anthropic'),
        }),
        truthIncident(openai, {
          layer: 'provider',
          owner: 'provider',
          reason: 'server_error',
          scope: 'provider',
          provider: 'openai',
          models: modelsOf('openai'),
        }),
      ],
    };
  },
});
