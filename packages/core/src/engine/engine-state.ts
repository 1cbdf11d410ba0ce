/**
 * The engine's state as plain JSON data, for `engine.snapshot()` and `createEngine({ initialState })`.
 * Numbers that may be "none yet" (NaN, ±Infinity inside the engine) are `null`; maps are
 * `[key, value]` pairs in their insertion order, which decides ties, so a resumed engine decides alike.
 */
import type { Reason } from '../classify/index.js';
import type { Evidence, FailureLayer } from '../diagnosis/index.js';
import type { EngineWarning } from './engine-warning.js';
import type { Candidate } from './candidate.js';
import type { LatencyBaselineState } from './latency-baseline.js';

/** The snapshot format this engine writes and reads. */
export const SNAPSHOT_VERSION = 1;

type Pairs<K, V> = ReadonlyArray<readonly [K, V]>;
type ByLayer<T> = Readonly<Record<FailureLayer, T>>;

export interface BucketState {
  readonly startMs: number;
  readonly calls: number;
  readonly firstAttempts: number;
  readonly probes: number;
  /** Known-answer checks made (absent in snapshots before golden canaries counted). */
  readonly goldenChecks?: number;
  readonly failures: {
    readonly fails: ByLayer<number>;
    readonly firstFails: ByLayer<number>;
    readonly firstFailMs: ByLayer<number | null>;
    readonly reasons: ByLayer<Pairs<Reason, number>>;
    readonly observed: ByLayer<Pairs<string, number>>;
    readonly probeFails: number;
    readonly goldenFails?: number;
    readonly firstGoldenFailMs?: number | null;
  } | null;
  /** Non-empty histogram bins as `[bin, count]`. */
  readonly latency: Pairs<number, number> | null;
  readonly ttft: Pairs<number, number> | null;
  readonly deadlines: Pairs<number, number> | null;
}

export interface ScopeState {
  readonly model: string | null;
  readonly sinceMs: number | null;
  /** Buckets held, by time; `null` when the scope released them. */
  readonly ring: readonly BucketState[] | null;
  readonly baseFails: ByLayer<number>;
  readonly baseCalls: ByLayer<number>;
  /** Learned latencies and the weight of healthy data behind each. */
  readonly latencyBaselines: {
    readonly p50: LatencyBaselineState;
    readonly p95: LatencyBaselineState;
    readonly ttft: LatencyBaselineState;
  };
  readonly deadlineMs: number | null;
  readonly previousDeadlineMs: number | null;
  readonly deadlineChangedMs: number | null;
  readonly lastBucketMs: number | null;
}

export interface ProviderState {
  readonly provider: string;
  readonly overflowed: boolean;
  readonly stats: ScopeState;
  readonly models: readonly ScopeState[];
}

export interface ComponentStateData {
  readonly component: string;
  readonly status: string;
  readonly sinceMs: number;
  readonly incident: string | null;
}

/** A candidate as plain data: the same fields, its reason counts as pairs. */
export type CandidateState = Omit<Candidate, 'reasons'> & {
  readonly reasons: Pairs<Reason, number>;
};

export interface TrackedState {
  readonly id: string;
  readonly key: string;
  readonly candidate: CandidateState;
  readonly startMs: number;
  readonly detectedMs: number;
  readonly resolvedMs: number | null;
  readonly lastElevatedMs: number;
  readonly peak: number;
  readonly affected: number;
  readonly bestLogP: number;
  readonly reasons: Pairs<Reason, number>;
  readonly models: readonly string[];
  readonly evidence: readonly Evidence[];
}

export interface TrackerState {
  /** Every incident, in the order they were opened. */
  readonly incidents: readonly TrackedState[];
  /** Where each tracking key points (an incident id). */
  readonly byKey: Pairs<string, string>;
  /** Every id ever given, merged incidents' too, so no id is given twice. */
  readonly ids: readonly string[];
}

/** Everything the engine knows, as plain data: `JSON.parse(JSON.stringify(s))` is the same state. */
export interface EngineSnapshot {
  readonly version: typeof SNAPSHOT_VERSION;
  /** The start of the bucket records go into now; `null` before the first record. */
  readonly clockMs: number | null;
  readonly providers: readonly ProviderState[];
  readonly status: Pairs<string, readonly ComponentStateData[]>;
  readonly tracker: TrackerState;
  readonly warnings: readonly EngineWarning[];
}

/** Throws unless `s` is a snapshot of this version, with a message that says what to do. */
export function assertSnapshotVersion(s: unknown): asserts s is EngineSnapshot {
  const version =
    typeof s === 'object' && s !== null ? (s as { version?: unknown }).version : undefined;
  if (version === SNAPSHOT_VERSION) {
    const o = s as Partial<Record<keyof EngineSnapshot, unknown>>;
    const ok =
      Array.isArray(o.providers) &&
      Array.isArray(o.status) &&
      Array.isArray(o.warnings) &&
      typeof o.tracker === 'object' &&
      o.tracker !== null;
    if (ok) return;
    throw new TypeError(
      'engine snapshot version 1 is missing providers, status, tracker or warnings',
    );
  }
  throw new RangeError(
    `engine snapshot version ${JSON.stringify(version)} cannot be resumed: this engine reads version ${SNAPSHOT_VERSION} only; start a fresh engine and replay the records instead`,
  );
}
