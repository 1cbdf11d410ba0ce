/** What `createProber` is given and what it hands back. */
import type { CallRecord } from '@faultline/core';
import type { ProbeConfig, WireApi } from '../config/index.js';
import type { TargetCounters } from './probe-target.js';
import type { ProbeTimers } from './probe-timers.js';

/** The app name on every probe record. */
export const PROBE_APP = 'faultline-probe';

/** Options of {@link createProber}. */
export interface ProberOptions {
  /** The configured probes (`config.probes`, validated and ${ENV}-expanded). */
  readonly probes: readonly ProbeConfig[];
  /** Receives each probe's call record; a rejection is logged, never retried here. */
  readonly sink: (record: CallRecord) => void | Promise<void>;
  /** The clock (epoch ms) for pauses and rate-limit resets. */
  readonly now: () => number;
  /** Default: Node's timers, unref'd. */
  readonly timers?: ProbeTimers;
  /** Random numbers in [0, 1) for jitter; default `Math.random`. */
  readonly random?: () => number;
  /** Where log lines go (no keys, no prompt or answer text). */
  readonly log: (line: string) => void;
  /** The fetch under the instrument; default `globalThis.fetch`. */
  readonly fetch?: typeof globalThis.fetch;
}

/** One probe's state, for `/v1/health`, `/metrics` and tests. */
export interface ProbeState extends TargetCounters {
  readonly provider: string;
  readonly model: string;
  readonly api: WireApi;
}

/** The running probes. */
export interface Prober {
  /** Schedules every probe's first call within its first interval. */
  start(): void;
  /** Clears every timer and aborts the calls in flight; resolves once they have settled. */
  stop(): Promise<void>;
  /** The expected cost, one line per provider (see `probeCostLines`). */
  costLines(): string[];
  /** Each probe's counters, in config order. */
  state(): ProbeState[];
}
