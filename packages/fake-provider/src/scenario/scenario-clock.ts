/** Which phase of a scenario is active at a given scenario time (pure; time is passed in). */
import type { Scenario, ScenarioPhase } from './scenario.js';

/** The active phase and where in it the scenario is. */
export interface PhasePosition {
  readonly index: number;
  readonly phase: ScenarioPhase;
  readonly phaseElapsedS: number;
  readonly phaseRemainingS: number;
}

/** Scenario seconds elapsed: real elapsed time scaled by `timeScale`. */
export function scenarioElapsedS(scenario: Scenario, startedMs: number, nowMs: number): number {
  return (Math.max(0, nowMs - startedMs) / 1000) * scenario.timeScale;
}

/** The phase at `elapsedS`, or undefined once a non-looping scenario has ended. */
export function phaseAt(scenario: Scenario, elapsedS: number): PhasePosition | undefined {
  const total = scenario.phases.reduce((sum, p) => sum + p.durationS, 0);
  if (total <= 0) return undefined;
  let t = elapsedS;
  if (t >= total) {
    if (!scenario.loop) return undefined;
    t %= total;
  }
  for (const [index, phase] of scenario.phases.entries()) {
    if (t < phase.durationS) {
      return { index, phase, phaseElapsedS: t, phaseRemainingS: phase.durationS - t };
    }
    t -= phase.durationS;
  }
  return undefined;
}
