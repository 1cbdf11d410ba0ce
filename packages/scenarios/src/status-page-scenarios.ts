/** Scenarios about status pages: one that moves long after impact, one whose outage is not ours. */
import { defineScenario } from './define-scenario.js';
import { failing, onProvider, respondWith } from './fault-builders.js';
import * as E from './provider-errors.js';
import { truthIncident, windowAt } from './scenario-frame.js';
import { statusReadings } from './status-readings.js';
import { modelsOf } from './traffic-mix.js';

const MIN = 60_000;

/** Truth: provider / overloaded, provider's, scope provider (google), with the page's lag as evidence. */
export const statusPageLags = defineScenario({
  name: 'status-page-lags',
  description:
    'Google answers ~45% of Gemini calls with 503 UNAVAILABLE "The model is overloaded" for 25 min; its ' +
    'status page lists Gemini API as degraded_performance only 12 min in, partial_outage at 16 min.',
  defaults: { durationMs: 60 * MIN },
  needs: ['status_lag'],
  plan(frame) {
    const window = windowAt(frame, 25 * MIN);
    const status = statusReadings({
      provider: 'google',
      component: 'Gemini API',
      fromMs: frame.fromMs,
      toMs: frame.toMs,
      everyMs: MIN,
      periods: [
        {
          startMs: window.startMs + 12 * MIN,
          endMs: window.startMs + 16 * MIN,
          status: 'degraded_performance',
          incident: 'Increased latency and errors for Gemini models',
        },
        {
          // Kept through a monitoring phase after our calls recover, as status pages do.
          startMs: window.startMs + 16 * MIN,
          endMs: window.endMs + 6 * MIN,
          status: 'partial_outage',
          incident: 'Increased latency and errors for Gemini models',
        },
      ],
    });
    const fail = respondWith([E.GOOGLE_OVERLOADED, 1]);
    return {
      faults: [failing(window, onProvider('google'), 0.45, fail)],
      status,
      truth: [
        truthIncident(window, {
          layer: 'provider',
          owner: 'provider',
          reason: 'overloaded',
          scope: 'provider',
          provider: 'google',
          models: modelsOf('google'),
          evidence: ['status_page', 'status_lag'],
        }),
      ],
    };
  },
});

/** Truth: none; a status page alone never raises an incident, even for a provider we call. */
export const statusPageUnrelated = defineScenario({
  name: 'status-page-unrelated',
  description:
    "Anthropic's status page lists claude.ai as major_outage for 40 min and Claude API as " +
    'degraded_performance for 20 min of it, while our Anthropic API calls succeed at their usual rate.',
  plan(frame) {
    const outage = windowAt(frame, 40 * MIN);
    const api = windowAt(frame, 20 * MIN);
    const poll = {
      provider: 'anthropic',
      fromMs: frame.fromMs,
      toMs: frame.toMs,
      everyMs: 2 * MIN,
    };
    const incident = 'claude.ai unavailable for some users';
    const status = [
      ...statusReadings({
        ...poll,
        component: 'claude.ai',
        periods: [{ ...outage, status: 'major_outage', incident }],
      }),
      ...statusReadings({
        ...poll,
        component: 'Claude API',
        periods: [{ ...api, status: 'degraded_performance', incident }],
      }),
    ];
    return { faults: [], truth: [], status };
  },
});
