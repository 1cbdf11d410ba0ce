/** The catalogue of scenarios, in the order of the library's brief, and lookup by name. */
import type {
  GeneratedScenario,
  ScenarioDefinition,
  TrafficOptions,
} from './generated-scenario.js';
import {
  ourDeadlineLowered,
  ourDeployBreaksRequests,
  ourRateLimit,
  revokedKey,
  spendCap,
} from './integration-scenarios.js';
import { latencyRising, providerSlowsPastDeadline } from './latency-scenarios.js';
import { modelBadOutput } from './model-output-scenario.js';
import { egressDown, providerHostUnreachable } from './network-scenarios.js';
import { goldenCanaryRegression } from './golden-canary-scenario.js';
import { latencyCreep } from './latency-creep-scenario.js';
import { twoProvidersAtOnce } from './overlap-scenarios.js';
import {
  egressBrokenProbesFine,
  egressToOneProviderBroken,
  nightProbeOnly,
  providerDnsFailing,
} from './probe-scenarios.js';
import { quietWeekBlip } from './quiet-blip-scenario.js';
import { flappingRecovery } from './recovery-scenarios.js';
import { ourRetryStorm } from './retry-storm-scenario.js';
import { statusPageLags, statusPageUnrelated } from './status-page-scenarios.js';
import { midStreamDisconnects } from './stream-cut-scenario.js';
import {
  capacity429,
  oneModelDown,
  providerOverload,
  twoMinuteBlip,
} from './provider-scenarios.js';
import { noiseOnlyHighVolume, quietWeek, statusPageOnly } from './quiet-scenarios.js';
import { streamErrorEvents } from './stream-error-scenario.js';
import { twoAtOnce } from './two-at-once-scenario.js';

/** Every scenario, each with a name, a description and a pure, seeded `generate`. */
export const SCENARIOS: readonly ScenarioDefinition[] = [
  providerOverload,
  oneModelDown,
  ourDeployBreaksRequests,
  revokedKey,
  egressDown,
  providerHostUnreachable,
  ourRateLimit,
  spendCap,
  capacity429,
  latencyRising,
  ourDeadlineLowered,
  providerSlowsPastDeadline,
  streamErrorEvents,
  modelBadOutput,
  statusPageOnly,
  quietWeek,
  twoAtOnce,
  twoMinuteBlip,
  noiseOnlyHighVolume,
  // The joins and traps of issue 8: probes, golden canaries, status pages, flaps, overlaps.
  nightProbeOnly,
  egressBrokenProbesFine,
  egressToOneProviderBroken,
  providerDnsFailing,
  goldenCanaryRegression,
  statusPageLags,
  statusPageUnrelated,
  flappingRecovery,
  twoProvidersAtOnce,
  ourRetryStorm,
  midStreamDisconnects,
  latencyCreep,
  quietWeekBlip,
];

/**
 * Generates the named scenario. Throws a `RangeError` listing the known names for an unknown one.
 *
 * @example
 * const { records, truth } = generateScenario('provider-overload', { seed: 7 });
 */
export function generateScenario(name: string, options?: TrafficOptions): GeneratedScenario {
  const scenario = SCENARIOS.find((s) => s.name === name);
  if (scenario === undefined) {
    const known = SCENARIOS.map((s) => s.name).join(', ');
    throw new RangeError(`unknown scenario "${name}"; known scenarios: ${known}`);
  }
  return scenario.generate(options);
}
