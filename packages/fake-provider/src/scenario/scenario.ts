/** Scenario types: a timeline of phases, each with the fault rules active during it. */
import type { FaultRule } from '../faults/index.js';

/** One phase of a scenario, with its length in scenario seconds. */
export interface ScenarioPhase {
  readonly name: string;
  readonly durationS: number;
  readonly faults: readonly FaultRule[];
}

/** A parsed, validated scenario. */
export interface Scenario {
  readonly name?: string;
  /** Scenario seconds per real second (60: a 20-minute scenario plays in 20 s). Default 1. */
  readonly timeScale: number;
  /** Start over after the last phase instead of ending. */
  readonly loop: boolean;
  /** Overrides the server seed (output text and fault draws) while the scenario runs. */
  readonly seed?: number;
  /** Overrides the server's streaming rate while the scenario runs. */
  readonly tokensPerSecond?: number;
  readonly phases: readonly ScenarioPhase[];
}
