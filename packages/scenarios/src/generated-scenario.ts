/** The scenario library's public types: a generated record stream and its ground truth. */
import type { EvidenceKind, FaultlineRecord, Layer, Owner, Reason } from '@faultline/core';

/**
 * Engine capabilities some scenarios need (issue 8 items 8–9): probes as their own evidence,
 * golden canaries as model-layer evidence, a status page's lag as evidence.
 */
export const ENGINE_CAPABILITIES = ['probes', 'golden', 'status_lag'] as const;
/** One of `ENGINE_CAPABILITIES`. */
export type EngineCapability = (typeof ENGINE_CAPABILITIES)[number];

/** How wide a fault reaches (spec/diagnosis.md "Scopes"); mirrors the engine's `Scope`. */
export type TruthScope = 'model' | 'provider' | 'global';

/** One incident that really happened in a generated stream: what a diagnosis should say. */
export interface TruthIncident {
  readonly layer: Exclude<Layer, 'none'>;
  readonly owner: Owner;
  /** One of `REASONS_BY_LAYER[layer]`; `slow` for latency incidents. */
  readonly reason: Reason;
  readonly scope: TruthScope;
  /** `null` for global scope. */
  readonly provider: string | null;
  /** Sorted: the models whose calls are affected. */
  readonly models: string[];
  /** Fault begins (epoch ms, inclusive). */
  readonly startMs: number;
  /** Fault ends (epoch ms, exclusive). */
  readonly endMs: number;
  /** Evidence kinds the incident must carry: the join the scenario is about. */
  readonly evidence?: readonly EvidenceKind[];
  /**
   * What the server's probes of the scope showed, which the incident's `probe` evidence must say:
   * `failing` (most failed: the provider or its host) or `healthy` (most succeeded: our side).
   */
  readonly probes?: 'failing' | 'healthy';
  /**
   * `probe` when only the server's probes show the fault in time: app traffic in scope is below
   * 1 request/s (detection within 120 s instead of 30 s), or app records do not show it at all.
   */
  readonly seenBy?: 'probe';
}

/** A generated stream of records with its ground truth. */
export interface GeneratedScenario {
  readonly name: string;
  readonly description: string;
  /** Calls and status observations, sorted by `ts` (epoch ms numbers). */
  readonly records: FaultlineRecord[];
  /** Empty when no incident belongs in the stream. */
  readonly truth: TruthIncident[];
  readonly fromMs: number;
  readonly toMs: number;
}

/** Knobs of the background traffic; each scenario has its own defaults. */
export interface TrafficOptions {
  /** PRNG seed; the same seed gives the same records. Default 1. */
  seed?: number;
  /** Start of the stream, epoch ms. Default 2026-11-18T13:30:00Z (a Wednesday). */
  startMs?: number;
  /** Length of the stream; fault windows stay centred and shrink to fit. Default 50 min (some differ). */
  durationMs?: number;
  /** Mean requests per second over a day; the rate follows the day around it. Default 7. */
  ratePerSec?: number;
}

/** A named scenario that can generate its stream. */
export interface ScenarioDefinition {
  readonly name: string;
  readonly description: string;
  /** What the engine must be able to do to diagnose this scenario; absent when nothing special. */
  readonly needs?: readonly EngineCapability[];
  generate(options?: TrafficOptions): GeneratedScenario;
}
