/**
 * Evidence as data (spec/diagnosis.md v1.1): per kind, the numbers and names its sentence states.
 * Shares are fractions 0..1, times RFC 3339 UTC strings, durations whole milliseconds.
 */
import type { FailureLayer } from './layers.js';
import type { Observed } from './observed.js';

export const EVIDENCE_KINDS = [
  'error_rate',
  'latency',
  'deadline',
  'cross_provider',
  'sibling_models',
  'probe',
  'golden',
  'status_page',
  'status_lag',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** The latency measures a latency verdict can speak of. */
export const LATENCY_MEASURES = ['median_latency', 'p95_latency', 'ttft'] as const;
export type LatencyMeasure = (typeof LATENCY_MEASURES)[number];

/** A layer's failure share over the detection window, against the scope's baseline. */
export interface ErrorRateFacts {
  readonly layer: FailureLayer;
  /** Provider ids the share is about (several for a global incident). */
  readonly providers: readonly string[];
  readonly models: readonly string[];
  readonly share: number;
  readonly baseline: number;
  readonly failures: number;
  readonly calls: number;
  readonly window_start: string;
  readonly window_end: string;
  /** The most common observation among the failures. */
  readonly observed: Observed;
}

/** A latency measure far above its learned baseline. */
export interface LatencyFacts {
  readonly provider: string;
  readonly models: readonly string[];
  readonly measure: LatencyMeasure;
  readonly value_ms: number;
  readonly baseline_ms: number;
  /** `value_ms / baseline_ms`, to two decimals. */
  readonly ratio: number;
}

/** Calls cut at our own deadline: lowered by us, or unchanged while the provider slowed. */
export type DeadlineFacts =
  | {
      readonly change: 'lowered';
      readonly deadline_ms: number;
      readonly previous_deadline_ms: number;
      readonly changed_at: string;
    }
  | {
      readonly change: 'unchanged';
      readonly deadline_ms: number | null;
      readonly models: readonly string[];
    };

/** Other providers whose failure share stayed normal over the same minutes. */
export interface CrossProviderFacts {
  readonly layer: FailureLayer;
  readonly providers: ReadonlyArray<{
    readonly provider: string;
    readonly share: number;
    readonly calls: number;
  }>;
}

/** The incident provider's other models that stayed normal. */
export interface SiblingModelsFacts {
  readonly layer: FailureLayer;
  readonly provider: string;
  readonly models: readonly string[];
}

/** Synthetic probes (`source: "probe"`) that failed in the detection window. */
export interface ProbeFacts {
  readonly models: readonly string[];
  readonly failed: number;
  readonly probes: number;
}

/** Golden canaries (known-answer checks) failing on a model. */
export interface GoldenFacts {
  readonly provider: string;
  readonly models: readonly string[];
  readonly failed: number;
  readonly checks: number;
  readonly since: string;
}

/** A provider's status page listing a component as not operational. */
export interface StatusPageFacts {
  readonly provider: string;
  readonly component: string;
  readonly status: string;
  readonly since: string;
}

/** How long after our first failures the status page moved. */
export interface StatusLagFacts {
  readonly provider: string;
  readonly component: string;
  readonly status: string;
  readonly listed_at: string;
  readonly first_failure_at: string;
  readonly lag_ms: number;
}

/** The facts of each evidence kind. */
export interface EvidenceFactsByKind {
  readonly error_rate: ErrorRateFacts;
  readonly latency: LatencyFacts;
  readonly deadline: DeadlineFacts;
  readonly cross_provider: CrossProviderFacts;
  readonly sibling_models: SiblingModelsFacts;
  readonly probe: ProbeFacts;
  readonly golden: GoldenFacts;
  readonly status_page: StatusPageFacts;
  readonly status_lag: StatusLagFacts;
}

/** One item of evidence of kind `K`: a sentence for people and its facts for tools. */
export interface EvidenceOf<K extends EvidenceKind> {
  readonly kind: K;
  readonly text: string;
  readonly facts: EvidenceFactsByKind[K];
}

/** One item of evidence, discriminated by `kind`; `facts` is always written. */
export type Evidence = { [K in EvidenceKind]: EvidenceOf<K> }[EvidenceKind];

/** Evidence as a reader may meet it: documents written before v1.1 have no `facts`. */
export type EvidenceInput = Evidence | { readonly kind: EvidenceKind; readonly text: string };

/** The facts of `e` when it is of kind `kind` and carries them. */
export function factsOf<K extends EvidenceKind>(
  e: EvidenceInput,
  kind: K,
): EvidenceFactsByKind[K] | undefined {
  if (e.kind !== kind || !('facts' in e)) return undefined;
  return (e as EvidenceOf<K>).facts;
}
