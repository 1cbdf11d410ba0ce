/** Scenarios where our side breaks: a bad deploy, a revoked key, our limits, our deadline. */
import { defineScenario } from './define-scenario.js';
import type { FailFault } from './fault.js';
import {
  deadline,
  failing,
  onApp,
  onProvider,
  respondPerProvider,
  respondWith,
} from './fault-builders.js';
import type { TruthIncident } from './generated-scenario.js';
import * as E from './provider-errors.js';
import { truthIncident, windowAt, type TimeWindow } from './scenario-frame.js';
import { allModels, modelsOf } from './traffic-mix.js';

const MIN = 60_000;

/** Google rejects every call: 400 INVALID_ARGUMENT with ErrorInfo reason API_KEY_INVALID (§4.1). */
export function googleKeyRevoked(window: TimeWindow): { fault: FailFault; truth: TruthIncident } {
  return {
    fault: failing(window, onProvider('google'), 1, respondWith([E.GOOGLE_API_KEY_INVALID, 1])),
    truth: truthIncident(window, {
      layer: 'integration',
      owner: 'ours',
      reason: 'auth',
      scope: 'provider',
      provider: 'google',
      models: modelsOf('google'),
    }),
  };
}

/** Truth: integration / bad_request, ours, scope global (one app, every provider). */
export const ourDeployBreaksRequests = defineScenario({
  name: 'our-deploy-breaks-requests',
  description:
    'A notes-ai deploy sends a field no provider accepts: every provider answers its calls with 400 ' +
    '(invalid_request_error / INVALID_ARGUMENT) for 12 min until the rollback; other apps are fine.',
  plan(frame) {
    const window = windowAt(frame, 12 * MIN);
    const fail = respondPerProvider({
      anthropic: E.ANTHROPIC_MISSING_FIELD,
      openai: E.OPENAI_UNKNOWN_PARAMETER,
      google: E.GOOGLE_UNKNOWN_FIELD,
    });
    return {
      faults: [failing(window, onApp('notes-ai'), 1, fail)],
      truth: [
        truthIncident(window, {
          layer: 'integration',
          owner: 'ours',
          reason: 'bad_request',
          scope: 'global',
          provider: null,
          models: allModels(),
        }),
      ],
    };
  },
});

/** Truth: integration / auth, ours, scope provider (google). */
export const revokedKey = defineScenario({
  name: 'revoked-key',
  description:
    'Our Google API key is revoked: 400 INVALID_ARGUMENT API_KEY_INVALID on every Gemini call for 15 min.',
  plan(frame) {
    const revoked = googleKeyRevoked(windowAt(frame, 15 * MIN));
    return { faults: [revoked.fault], truth: [revoked.truth] };
  },
});

/** Truth: integration / rate_limited, ours, scope provider (openai). */
export const ourRateLimit = defineScenario({
  name: 'our-rate-limit',
  description:
    'We exceed our OpenAI tokens-per-minute limit: 429 rate_limit_exceeded (type tokens) on ~60% of calls for 15 min.',
  plan(frame) {
    const window = windowAt(frame, 15 * MIN);
    return {
      faults: [failing(window, onProvider('openai'), 0.6, respondWith([E.OPENAI_RATE_LIMIT, 1]))],
      truth: [
        truthIncident(window, {
          layer: 'integration',
          owner: 'ours',
          reason: 'rate_limited',
          scope: 'provider',
          provider: 'openai',
          models: modelsOf('openai'),
        }),
      ],
    };
  },
});

/** Truth: integration / quota_exhausted, ours, scope provider (anthropic). */
export const spendCap = defineScenario({
  name: 'spend-cap',
  description:
    'We hit the Anthropic usage-tier spend cap: 429 with error_code enforced_spend_limit_reached and no ' +
    'retry-after on every call for 15 min, until the cap is raised.',
  plan(frame) {
    const window = windowAt(frame, 15 * MIN);
    return {
      faults: [
        failing(window, onProvider('anthropic'), 1, respondWith([E.ANTHROPIC_SPEND_CAP, 1])),
      ],
      truth: [
        truthIncident(window, {
          layer: 'integration',
          owner: 'ours',
          reason: 'quota_exhausted',
          scope: 'provider',
          provider: 'anthropic',
          models: modelsOf('anthropic'),
        }),
      ],
    };
  },
});

/** Truth: integration / client_timeout, ours, scope provider (openai). */
export const ourDeadlineLowered = defineScenario({
  name: 'our-deadline-lowered',
  description:
    'A deploy lowers our OpenAI client timeout from 60000 to 1500 ms, below normal latency, for 15 min: ' +
    'calls abort with aborted_by "timeout" at timeout_ms 1500.',
  plan(frame) {
    const window = windowAt(frame, 15 * MIN);
    return {
      faults: [deadline(window, onProvider('openai'), 1_500)],
      truth: [
        truthIncident(window, {
          layer: 'integration',
          owner: 'ours',
          reason: 'client_timeout',
          scope: 'provider',
          provider: 'openai',
          models: modelsOf('openai'),
        }),
      ],
    };
  },
});
