/** Scenario: a quiet week of noise with a 90-second provider blip too small to tell from noise. */
import { defineScenario } from './define-scenario.js';
import { failing, onProvider, respondWith } from './fault-builders.js';
import * as E from './provider-errors.js';
import type { TimeWindow } from './scenario-frame.js';

const DAY_MS = 86_400_000;

/** Thursday 04:10–04:11:30 UTC of the quiet week: the night's low, ~1 Anthropic request expected. */
export function quietBlipWindow(weekStartMs: number): TimeWindow {
  const startMs = weekStartMs + 3 * DAY_MS + (4 * 60 + 10) * 60_000;
  return { startMs, endMs: startMs + 90_000 };
}

/**
 * Truth: none. At ~0.02 req/s a 90 s blip touches about one Anthropic request (its three SDK
 * attempts all fail): retries of one request are one failure, not three. Counting requests,
 * 2 failures of 2 under the 0.4% provider floor have p ≈ 3e-5, short of the 1e-6 an incident
 * needs; it takes 3 distinct failing requests (p ≈ 3e-7). The blip is over before anyone could act.
 */
export const quietWeekBlip = defineScenario({
  name: 'quiet-week-blip',
  description:
    'The quiet week (~0.05 req/s, noise only) with a 90 s blip on Thursday at 04:10 UTC: Anthropic answers ' +
    'every call 529, which touches one or two requests: too few to tell from noise, so no incident.',
  defaults: { startMs: Date.UTC(2026, 10, 16), durationMs: 7 * DAY_MS, ratePerSec: 0.05 },
  plan(frame) {
    const window = quietBlipWindow(frame.fromMs);
    // A frame shorter than the week has no Thursday night: then no blip either.
    const inFrame = window.endMs <= frame.toMs;
    const fail = respondWith([E.ANTHROPIC_OVERLOADED, 1]);
    return {
      faults: inFrame ? [failing(window, onProvider('anthropic'), 1, fail)] : [],
      truth: [],
    };
  },
});
