/** The port the admin API drives; the composition root implements it. */
import type { FaultRule } from '../faults/index.js';
import type { Scenario, ScenarioStatus } from '../scenario/index.js';

/** What the admin HTTP API can see and change. */
export interface AdminControls {
  addFaults(rules: readonly FaultRule[]): string[];
  listFaults(): FaultRule[];
  removeFault(id: string): boolean;
  clearFaults(): number;
  loadScenario(scenario: Scenario): void;
  stopScenario(): boolean;
  scenarioStatus(): ScenarioStatus;
}
