/** Scenarios: timelines of fault phases, parsed from YAML or JSON. */
export type { Scenario, ScenarioPhase } from './scenario.js';
export { parseDuration } from './parse-duration.js';
export { validateScenario } from './validate-scenario.js';
export { loadScenario, parseScenario } from './parse-scenario.js';
export type { ScenarioFormat } from './parse-scenario.js';
export { phaseAt, scenarioElapsedS } from './scenario-clock.js';
export type { PhasePosition } from './scenario-clock.js';
export { describeScenario } from './describe-scenario.js';
export type { ScenarioStatus } from './describe-scenario.js';
