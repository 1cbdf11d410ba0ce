/** Scenario: every status is 200, but one model's answers fail the probes' known-answer checks. */
import { defineScenario } from './define-scenario.js';
import type { AttemptContext, TimedCall } from './fault.js';
import { corrupting } from './fault-builders.js';
import { PROBE_EVERY_MS } from './probe-scenarios.js';
import { fromProbes, probeTraffic } from './probe-traffic.js';
import { truthIncident, windowAt, type TimeWindow } from './scenario-frame.js';

const MODEL = 'claude-sonnet-4-6';

/** A wrong answer, well formed: same length and stop reason, but not the known answer. */
function wrongAnswer(answer: TimedCall): TimedCall {
  answer.checks = { golden: false };
  return answer;
}

/**
 * The fault as the records show it: from the first wrong answer on. With ~10% of canaries still
 * right, the first probe inside the window can pass, and the contract's `started_at` is the time
 * of the first failing record (spec/diagnosis.md), so the truth starts there, not at the window.
 */
function firstWrong(probes: readonly TimedCall[], window: TimeWindow): TimeWindow {
  const first = probes.find((c) => c.ts >= window.startMs && c.checks?.golden === false);
  return first === undefined || first.ts >= window.endMs
    ? window
    : { ...window, startMs: first.ts };
}

/**
 * Truth: model / check_failed, provider's, scope model (claude-sonnet-4-6). The apps' own checks
 * only test that output parses as JSON, and a wrong answer in valid JSON passes them: the apps'
 * records stay healthy, so only the golden canaries can see it (issue 8 item 8).
 */
export const goldenCanaryRegression = defineScenario({
  name: 'golden-canary-regression',
  description:
    'For 20 min ~90% of the known-answer probes of claude-sonnet-4-6 get HTTP 200, end_turn and a wrong ' +
    'answer (checks.golden false); app calls of it still pass their JSON checks: only the canaries see it.',
  needs: ['golden'],
  plan(frame) {
    const window = windowAt(frame, 20 * 60_000);
    const sonnetProbes = (ctx: AttemptContext): boolean =>
      fromProbes(ctx) && ctx.model.id === MODEL;
    const faults = [corrupting(window, sonnetProbes, 0.9, wrongAnswer)];
    const probes = probeTraffic({ ...frame, everyMs: PROBE_EVERY_MS, faults });
    return {
      faults,
      extra: probes,
      truth: [
        truthIncident(firstWrong(probes, window), {
          layer: 'model',
          owner: 'provider',
          reason: 'check_failed',
          scope: 'model',
          provider: 'anthropic',
          models: [MODEL],
          evidence: ['golden'],
          seenBy: 'probe',
        }),
      ],
    };
  },
});
