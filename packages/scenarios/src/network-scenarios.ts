/** Scenarios where no response arrives: our egress is down, or one provider's host is unreachable. */
import { defineScenario } from './define-scenario.js';
import { dropWith, everywhere, failing, onProvider } from './fault-builders.js';
import { truthIncident, windowAt } from './scenario-frame.js';
import { allModels, modelsOf } from './traffic-mix.js';

const MIN = 60_000;

/** Truth: network / connect_refused, ours, scope global. */
export const egressDown = defineScenario({
  name: 'egress-down',
  description:
    'Our egress proxy goes down for 12 min: calls to every provider get no response, mostly ' +
    'ECONNREFUSED, with some ENOTFOUND / EAI_AGAIN (its DNS forwarder) and UND_ERR_CONNECT_TIMEOUT.',
  plan(frame) {
    const window = windowAt(frame, 12 * MIN);
    const drop = dropWith(
      ['ECONNREFUSED', 0.75],
      ['ENOTFOUND', 0.08],
      ['EAI_AGAIN', 0.07],
      ['UND_ERR_CONNECT_TIMEOUT', 0.1],
    );
    return {
      faults: [failing(window, everywhere, 1, drop)],
      truth: [
        truthIncident(window, {
          layer: 'network',
          owner: 'ours',
          reason: 'connect_refused',
          scope: 'global',
          provider: null,
          models: allModels(),
        }),
      ],
    };
  },
});

/** Truth: network / connect_timeout, provider's, scope provider (openai). */
export const providerHostUnreachable = defineScenario({
  name: 'provider-host-unreachable',
  description:
    'For 15 min ~80% of connections to api.openai.com fail (UND_ERR_CONNECT_TIMEOUT after 10 s, some ' +
    'ECONNRESET); Anthropic and Google are reached normally.',
  plan(frame) {
    const window = windowAt(frame, 15 * MIN);
    const drop = dropWith(['UND_ERR_CONNECT_TIMEOUT', 0.75], ['ECONNRESET', 0.25]);
    return {
      faults: [failing(window, onProvider('openai'), 0.8, drop)],
      truth: [
        truthIncident(window, {
          layer: 'network',
          owner: 'provider',
          reason: 'connect_timeout',
          scope: 'provider',
          provider: 'openai',
          models: modelsOf('openai'),
        }),
      ],
    };
  },
});
