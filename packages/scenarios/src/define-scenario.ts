/** Turns a scenario's plan (faults, truth, status readings) into a generated, sorted stream. */
import type { FaultlineRecord } from '@faultline/core';
import type { Fault, TimedCall } from './fault.js';
import type {
  EngineCapability,
  GeneratedScenario,
  ScenarioDefinition,
  TrafficOptions,
  TruthIncident,
} from './generated-scenario.js';
import { resolveFrame, type ScenarioFrame } from './scenario-frame.js';
import { simulateTraffic } from './simulate-traffic.js';
import type { TimedStatus } from './status-readings.js';

/** What a scenario puts into its frame. */
export interface ScenarioPlan {
  readonly faults: readonly Fault[];
  readonly truth: readonly TruthIncident[];
  readonly status?: readonly TimedStatus[];
  /** Calls from other instruments or loops than the apps' SDKs: probes, our own retry wrapper. */
  readonly extra?: readonly TimedCall[];
}

/** A scenario as its family file writes it. */
export interface ScenarioSpec {
  readonly name: string;
  readonly description: string;
  /** Defaults that differ from the library's (`quiet-week` runs 7 days, for example). */
  readonly defaults?: TrafficOptions;
  /** Engine capabilities the scenario needs (see `ENGINE_CAPABILITIES`). */
  readonly needs?: readonly EngineCapability[];
  plan(frame: ScenarioFrame): ScenarioPlan;
}

/** Makes a scenario definition whose `generate` is pure and deterministic. */
export function defineScenario(spec: ScenarioSpec): ScenarioDefinition {
  return {
    name: spec.name,
    description: spec.description,
    ...(spec.needs === undefined ? {} : { needs: spec.needs }),
    generate(options?: TrafficOptions): GeneratedScenario {
      const frame = resolveFrame(options, spec.defaults ?? {});
      const plan = spec.plan(frame);
      const calls = simulateTraffic({ ...frame, faults: plan.faults });
      const others = [...(plan.status ?? []), ...(plan.extra ?? [])];
      const records: (FaultlineRecord & { ts: number })[] =
        others.length === 0 ? calls : [...calls, ...others].sort((a, b) => a.ts - b.ts);
      return {
        name: spec.name,
        description: spec.description,
        records,
        truth: [...plan.truth],
        fromMs: frame.fromMs,
        toMs: frame.toMs,
      };
    },
  };
}
