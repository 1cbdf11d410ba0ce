/** Scenarios where a model gets slow: no errors at all, or slower than our unchanged deadline. */
import { defineScenario } from './define-scenario.js';
import { onModels, slowing } from './fault-builders.js';
import { truthIncident, windowAt } from './scenario-frame.js';

const MIN = 60_000;

/** Truth: provider / slow, provider's, scope model (claude-sonnet-4-6). */
export const latencyRising = defineScenario({
  name: 'latency-rising',
  description:
    'claude-sonnet-4-6 becomes 5× slower (time to first token and duration) for 15 min, with no errors: ' +
    'our 600 s deadline is never reached.',
  plan(frame) {
    const window = windowAt(frame, 15 * MIN);
    return {
      faults: [slowing(window, onModels('claude-sonnet-4-6'), 5)],
      truth: [
        truthIncident(window, {
          layer: 'provider',
          owner: 'provider',
          reason: 'slow',
          scope: 'model',
          provider: 'anthropic',
          models: ['claude-sonnet-4-6'],
        }),
      ],
    };
  },
});

/** Truth: provider / slow, provider's, scope model (gemini-2.5-pro), though each call reads as our timeout. */
export const providerSlowsPastDeadline = defineScenario({
  name: 'provider-slows-past-deadline',
  description:
    'gemini-2.5-pro becomes 6× slower for 15 min while our timeout stays 30000 ms: most non-streamed ' +
    'calls abort with aborted_by "timeout" at 30000. Each call looks like our timeout; the deadline ' +
    'did not change, the provider slowed.',
  plan(frame) {
    const window = windowAt(frame, 15 * MIN);
    return {
      faults: [slowing(window, onModels('gemini-2.5-pro'), 6)],
      truth: [
        truthIncident(window, {
          layer: 'provider',
          owner: 'provider',
          reason: 'slow',
          scope: 'model',
          provider: 'google',
          models: ['gemini-2.5-pro'],
        }),
      ],
    };
  },
});
