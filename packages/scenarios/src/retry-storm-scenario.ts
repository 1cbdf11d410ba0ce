/** Scenario: our own retry storm on 429s pushes one model past our rate limit. */
import { defineScenario } from './define-scenario.js';
import { failing, onModels, respondWith } from './fault-builders.js';
import * as E from './provider-errors.js';
import { retryLoop } from './retry-loop.js';
import { truthIncident, windowAt } from './scenario-frame.js';
import { APPS, MODELS, PROVIDERS } from './traffic-mix.js';

const MODEL = 'gpt-4.1-mini';
/** The most attempts one request of the storm makes. */
export const STORM_MAX_ATTEMPTS = 8;

/**
 * Truth: integration / rate_limited, ours, scope model (gpt-4.1-mini). OpenAI's limits are per
 * model, so only gpt-4.1-mini answers 429; the retries (attempt > 1) are ours, not the SDK's.
 */
export const ourRetryStorm = defineScenario({
  name: 'our-retry-storm',
  description:
    'A support deploy starts a batch job on gpt-4.1-mini whose own retry wrapper retries 429s at once, up ' +
    'to 8 attempts, ignoring retry-after: for 12 min ~65% of gpt-4.1-mini attempts get 429 rate_limit_exceeded.',
  plan(frame) {
    const window = windowAt(frame, 12 * 60_000);
    const faults = [failing(window, onModels(MODEL), 0.65, respondWith([E.OPENAI_RATE_LIMIT, 1]))];
    const model = MODELS.find((m) => m.id === MODEL);
    const app = APPS.find((a) => a.id === 'support');
    if (model === undefined || app === undefined) throw new Error('traffic mix lost its models');
    const storm = retryLoop({
      ...window,
      seed: frame.seed,
      app,
      model,
      provider: PROVIDERS.openai,
      ratePerSec: 0.4 * frame.ratePerSec,
      maxAttempts: STORM_MAX_ATTEMPTS,
      retryDelayMs: [50, 250],
      retryOn: [429],
      faults,
    });
    return {
      faults,
      extra: storm,
      truth: [
        truthIncident(window, {
          layer: 'integration',
          owner: 'ours',
          reason: 'rate_limited',
          scope: 'model',
          provider: 'openai',
          models: [MODEL],
        }),
      ],
    };
  },
});
