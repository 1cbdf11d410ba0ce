/** @faultline/scenarios: seeded call-record streams with ground truth, for testing diagnosis. */
export { SCENARIOS, generateScenario } from './scenarios.js';
export { ENGINE_CAPABILITIES } from './generated-scenario.js';
export type {
  EngineCapability,
  GeneratedScenario,
  ScenarioDefinition,
  TrafficOptions,
  TruthIncident,
  TruthScope,
} from './generated-scenario.js';
export { generateCallMix } from './call-mix.js';
