/** Scenario: one provider's latency creeps up minute by minute, with no error at all. */
import { defineScenario } from './define-scenario.js';
import type { SlowFault } from './fault.js';
import { onProvider, slowing } from './fault-builders.js';
import { truthIncident, windowAt, type TimeWindow } from './scenario-frame.js';
import { modelsOf } from './traffic-mix.js';

const MIN = 60_000;
/** Minutes of ramp from 1× to `TOP`×, then minutes held at `TOP`×. */
const RAMP_MIN = 20;
const HOLD_MIN = 10;
const TOP = 5;
/** From this factor on it is an incident: latency far above normal ("p95 latency × N", spec). */
export const CREEP_INCIDENT_FACTOR = 3;

/** One slow fault per minute of the ramp, then one for the hold; and when the factor reaches 3×. */
export function creep(span: TimeWindow): { faults: SlowFault[]; incidentFromMs: number } {
  const stepMs = (span.endMs - span.startMs) / (RAMP_MIN + HOLD_MIN);
  const faults: SlowFault[] = [];
  let incidentFromMs = span.startMs;
  for (let k = 0; k < RAMP_MIN; k++) {
    const factor = 1 + ((TOP - 1) * (k + 1)) / RAMP_MIN;
    const startMs = Math.round(span.startMs + k * stepMs);
    if (factor < CREEP_INCIDENT_FACTOR) incidentFromMs = Math.round(startMs + stepMs);
    faults.push(
      slowing({ startMs, endMs: Math.round(startMs + stepMs) }, onProvider('anthropic'), factor),
    );
  }
  const holdMs = Math.round(span.startMs + RAMP_MIN * stepMs);
  faults.push(slowing({ startMs: holdMs, endMs: span.endMs }, onProvider('anthropic'), TOP));
  return { faults, incidentFromMs };
}

/**
 * Truth: provider / slow, provider's, scope provider (anthropic), from when latency reaches 3×
 * its usual level (the ramp below it is drift, not yet an incident) until it returns to normal.
 */
export const latencyCreep = defineScenario({
  name: 'latency-creep',
  description:
    'Every Claude model gets slower minute by minute, 1× to 5× over 20 min (p95 too), then holds 5× for ' +
    '10 min, with no error at all; the incident counts from 3×. A baseline that learns the drift misses it.',
  defaults: { durationMs: 60 * MIN },
  plan(frame) {
    const span = windowAt(frame, (RAMP_MIN + HOLD_MIN) * MIN, 0.55);
    const { faults, incidentFromMs } = creep(span);
    return {
      faults,
      truth: [
        truthIncident(
          { startMs: incidentFromMs, endMs: span.endMs },
          {
            layer: 'provider',
            owner: 'provider',
            reason: 'slow',
            scope: 'provider',
            provider: 'anthropic',
            models: modelsOf('anthropic'),
          },
        ),
      ],
    };
  },
});
