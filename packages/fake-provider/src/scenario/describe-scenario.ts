/** A snapshot of a running scenario for the admin API (pure; time is passed in). */
import type { FaultRule } from '../faults/index.js';
import type { Scenario } from './scenario.js';
import { phaseAt, scenarioElapsedS } from './scenario-clock.js';

/** Where a scenario is: its phase and scenario-time clock. */
export interface ScenarioStatus {
  readonly active: boolean;
  readonly name: string | null;
  readonly timeScale: number | null;
  readonly loop: boolean | null;
  /** Scenario seconds since it started (real seconds × timeScale). */
  readonly elapsedS: number;
  /** A non-looping scenario past its last phase. */
  readonly finished: boolean;
  readonly phase: {
    readonly index: number;
    readonly name: string;
    readonly elapsedS: number;
    readonly remainingS: number;
  } | null;
  /** The fault rules of the active phase. */
  readonly faults: readonly FaultRule[];
}

/** The status of `scenario` started at `startedMs`, or an inactive status when there is none. */
export function describeScenario(
  scenario: Scenario | undefined,
  startedMs: number,
  nowMs: number,
): ScenarioStatus {
  if (scenario === undefined) {
    return {
      active: false,
      name: null,
      timeScale: null,
      loop: null,
      elapsedS: 0,
      finished: false,
      phase: null,
      faults: [],
    };
  }
  const elapsedS = scenarioElapsedS(scenario, startedMs, nowMs);
  const at = phaseAt(scenario, elapsedS);
  return {
    active: true,
    name: scenario.name ?? null,
    timeScale: scenario.timeScale,
    loop: scenario.loop,
    elapsedS,
    finished: at === undefined,
    phase:
      at === undefined
        ? null
        : {
            index: at.index,
            name: at.phase.name,
            elapsedS: at.phaseElapsedS,
            remainingS: at.phaseRemainingS,
          },
    faults: at?.phase.faults ?? [],
  };
}
