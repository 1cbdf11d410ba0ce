/** Scenarios in which nothing of ours breaks: only noise, or a status page crying wolf. */
import { defineScenario } from './define-scenario.js';
import { windowAt } from './scenario-frame.js';
import { statusReadings } from './status-readings.js';

const MIN = 60_000;
const DAY_MS = 86_400_000;

/** Truth: none; a status page alone is not an incident of ours. */
export const statusPageOnly = defineScenario({
  name: 'status-page-only',
  description:
    'OpenAI\'s status page lists "Chat Completions" as major_outage for 20 min while our OpenAI calls ' +
    'succeed as usual: nothing to raise.',
  plan(frame) {
    const window = windowAt(frame, 20 * MIN);
    const status = statusReadings({
      provider: 'openai',
      component: 'Chat Completions',
      fromMs: frame.fromMs,
      toMs: frame.toMs,
      everyMs: 2 * MIN,
      periods: [
        { ...window, status: 'major_outage', incident: 'Elevated error rates on Chat Completions' },
      ],
    });
    return { faults: [], truth: [], status };
  },
});

/** Truth: none; a week of noise at low volume. */
export const quietWeek = defineScenario({
  name: 'quiet-week',
  description:
    'A week (Monday to Sunday) of low-volume diurnal traffic, ~0.05 req/s on average, with noise only.',
  defaults: { startMs: Date.UTC(2026, 10, 16), durationMs: 7 * DAY_MS, ratePerSec: 0.05 },
  plan: () => ({ faults: [], truth: [] }),
});

/** Truth: none; an hour of noise at high volume. */
export const noiseOnlyHighVolume = defineScenario({
  name: 'noise-only-high-volume',
  description:
    'One busy hour at ~30 req/s of background traffic and its normal noise: nothing to raise.',
  // A mean of 20 req/s runs at ~1.5× in the default 13:30–14:30 UTC hour.
  defaults: { durationMs: 60 * MIN, ratePerSec: 20 },
  plan: () => ({ faults: [], truth: [] }),
});
