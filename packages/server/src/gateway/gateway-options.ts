/** The options of `createGateway`: the config's `gateway` section, where records go, and limits. */
import type { BreakerAdmission, CallRecord, Classification } from '@faultline/core';
import type { FaultlineConfig } from '../config/index.js';

/** The `gateway` section of faultline.yaml, parsed (spec/config.md). */
export type GatewayConfig = NonNullable<FaultlineConfig['gateway']>;
/** One `gateway.targets` entry. */
export type GatewayTarget = GatewayConfig['targets'][number];
/** One `gateway.routes` entry. */
export type GatewayRoute = GatewayConfig['routes'][number];

/**
 * The breakers the gateway consults and feeds, declared here by their consumer (STYLE.md: ports):
 * one per target and model (the model as sent to that target). `skip` moves past the target.
 */
export interface GatewayBreakers {
  admit(target: string, model: string, nowMs: number): BreakerAdmission;
  /** One attempt at `target` ended (after the client's answer left), classified by core `classify`. */
  attempt(target: string, model: string, classification: Classification, atMs: number): void;
}

/** Limits and timeouts; every field has a default. */
export interface GatewayLimits {
  /** Request bodies past this many bytes are answered 413 (default 32 MiB). */
  readonly maxBodyBytes: number;
  /** Connecting to an upstream may take this long (default 10 s). */
  readonly connectTimeoutMs: number;
  /** An upstream's response headers may take this long: a non-stream's whole generation (default 600 s). */
  readonly headersTimeoutMs: number;
  /** The longest gap between two body chunks of an upstream, not a total deadline (default 300 s). */
  readonly idleTimeoutMs: number;
  /** A `retry-after` longer than this keeps its target out of failover plans only this long (default 60 s). */
  readonly maxCooldownMs: number;
}

/** Defaults of {@link GatewayLimits}. */
export const DEFAULT_GATEWAY_LIMITS: GatewayLimits = {
  maxBodyBytes: 32 << 20,
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 600_000,
  idleTimeoutMs: 300_000,
  maxCooldownMs: 60_000,
};

/** What {@link createGateway} needs. */
export interface GatewayOptions {
  readonly config: GatewayConfig;
  /** Receives one record per upstream attempt (`source: "gateway"`); must not throw (it is guarded). */
  readonly sink: (record: CallRecord) => void;
  /** Lines about the gateway's own faults (never a key, never a prompt). */
  readonly log: (line: string) => void;
  readonly breakers?: GatewayBreakers;
  readonly limits?: Partial<GatewayLimits>;
  /** The clock for cooldowns and breakers (default `Date.now`). */
  readonly now?: () => number;
}
