/** Validates a decoded scenario document, reporting every problem at once. */
import { checkFaultRule, type FaultRule } from '../faults/index.js';
import * as c from '../validation/index.js';
import { parseDuration } from './parse-duration.js';
import type { Scenario, ScenarioPhase } from './scenario.js';

const SCENARIO_CHECKS: Readonly<Record<string, c.Check>> = {
  name: c.string,
  timeScale: c.positive,
  loop: c.boolean,
  seed: c.integer,
  tokensPerSecond: c.nonNegative,
  phases: (v) => (Array.isArray(v) && v.length > 0 ? undefined : 'must be a non-empty array'),
};

const PHASE_CHECKS: Readonly<Record<string, c.Check>> = {
  name: c.string,
  duration: (v) =>
    parseDuration(v) === undefined
      ? 'must be positive seconds or a duration such as "90s", "5m", "1h"'
      : undefined,
  faults: (v) => (Array.isArray(v) ? undefined : 'must be an array of fault rules'),
};

/**
 * Checks `value` as a scenario and returns it normalized (durations in seconds, defaults set).
 * @throws ConfigError listing every `path: problem`.
 */
export function validateScenario(value: unknown, what = 'invalid scenario'): Scenario {
  const problems: string[] = [];
  if (!c.isRecord(value)) throw new c.ConfigError(what, [c.problem('', 'must be an object')]);
  c.checkFields(value, '', SCENARIO_CHECKS, ['phases'], problems);
  const phases = Array.isArray(value['phases']) ? (value['phases'] as unknown[]) : [];
  phases.forEach((phase, i) => checkPhase(phase, c.at('phases', i), problems));
  if (problems.length > 0) throw new c.ConfigError(what, problems);

  const v = value as {
    name?: string;
    timeScale?: number;
    loop?: boolean;
    seed?: number;
    tokensPerSecond?: number;
  };
  return {
    ...(v.name !== undefined && { name: v.name }),
    timeScale: v.timeScale ?? 1,
    loop: v.loop ?? false,
    ...(v.seed !== undefined && { seed: v.seed }),
    ...(v.tokensPerSecond !== undefined && { tokensPerSecond: v.tokensPerSecond }),
    phases: phases.map(normalizePhase),
  };
}

function checkPhase(value: unknown, path: string, problems: string[]): void {
  if (!c.isRecord(value)) {
    problems.push(c.problem(path, 'must be an object'));
    return;
  }
  c.checkFields(value, path, PHASE_CHECKS, ['name', 'duration'], problems);
  const faults = value['faults'];
  if (Array.isArray(faults)) {
    faults.forEach((rule, j) => checkFaultRule(rule, c.at(c.at(path, 'faults'), j), problems));
  }
}

function normalizePhase(value: unknown): ScenarioPhase {
  // Checked by checkPhase: name is a string, duration parses, faults is an array of valid rules.
  const v = value as { name: string; duration: unknown; faults?: FaultRule[] };
  return { name: v.name, durationS: parseDuration(v.duration) ?? 0, faults: v.faults ?? [] };
}
