/** Scenario: a provider fault whose recovery flaps for minutes before it holds. */
import { defineScenario } from './define-scenario.js';
import { failing, onProvider, respondWith } from './fault-builders.js';
import * as E from './provider-errors.js';
import { truthIncident, windowAt, type TimeWindow } from './scenario-frame.js';
import { modelsOf } from './traffic-mix.js';

const MIN = 60_000;
const SEC = 1_000;

/** After the main phase: quiet, failing, quiet, failing... (seconds), ~4 min in all. */
const FLAPS_S = [45, 30, 60, 40, 30, 30] as const;

/** The failing stretches: the main phase, then every second stretch of `FLAPS_S`. */
export function flappingWindows(main: TimeWindow): TimeWindow[] {
  const windows = [main];
  let t = main.endMs;
  FLAPS_S.forEach((seconds, i) => {
    const next = t + seconds * SEC;
    if (i % 2 === 1) windows.push({ startMs: t, endMs: next });
    t = next;
  });
  return windows;
}

/** Truth: provider / overloaded, provider's, scope provider (openai): one incident, start to last flap. */
export const flappingRecovery = defineScenario({
  name: 'flapping-recovery',
  description:
    'OpenAI answers ~50% of calls with 503 server_is_overloaded for 10 min, then recovers and relapses ' +
    'three times (30–40 s of errors between 30–60 s of calm) over ~4 min before it holds: one incident.',
  plan(frame) {
    const main = windowAt(frame, 10 * MIN, 0.45);
    const windows = flappingWindows(main);
    const fail = respondWith([E.OPENAI_OVERLOADED, 1]);
    const whole = { startMs: main.startMs, endMs: windows.at(-1)?.endMs ?? main.endMs };
    return {
      faults: windows.map((w) => failing(w, onProvider('openai'), 0.5, fail)),
      truth: [
        truthIncident(whole, {
          layer: 'provider',
          owner: 'provider',
          reason: 'overloaded',
          scope: 'provider',
          provider: 'openai',
          models: modelsOf('openai'),
        }),
      ],
    };
  },
});
