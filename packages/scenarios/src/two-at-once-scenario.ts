/** Scenario: two unrelated incidents overlap — an Anthropic overload and a revoked Google key. */
import { defineScenario } from './define-scenario.js';
import { googleKeyRevoked } from './integration-scenarios.js';
import { opusOverload } from './provider-scenarios.js';
import { windowAt } from './scenario-frame.js';

const MIN = 60_000;

/** Truth: provider / overloaded (anthropic Opus) and integration / auth (google), overlapping. */
export const twoAtOnce = defineScenario({
  name: 'two-at-once',
  description:
    'Anthropic 529 overloaded_error on ~40% of Opus calls for 18 min and, starting 10 min later, our ' +
    'Google key revoked (400 API_KEY_INVALID on every Gemini call) for 16 min: two incidents.',
  defaults: { durationMs: 55 * MIN },
  plan(frame) {
    const overload = opusOverload(windowAt(frame, 18 * MIN, 0.42));
    const revoked = googleKeyRevoked(windowAt(frame, 16 * MIN, 0.58));
    return { faults: [overload.fault, revoked.fault], truth: [overload.truth, revoked.truth] };
  },
});
