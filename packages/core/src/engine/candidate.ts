/** A verdict proposed by one evaluation, before it opens or updates an incident. */
import type { Owner, Reason } from '../classify/index.js';
import type { Evidence, FailureLayer, Scope } from '../diagnosis/index.js';

export interface Candidate {
  readonly layer: FailureLayer;
  readonly reason: Reason;
  readonly owner: Owner;
  readonly scope: Scope;
  /** `null` for global. */
  readonly provider: string | null;
  readonly models: readonly string[];
  /** Earliest failing record attributed (walking back through elevated buckets). */
  readonly startMs: number;
  /** Failures (or slow calls) in the affected scope so far, for a new incident. */
  readonly affectedSoFar: number;
  /** Failures (or slow calls) in the newest bucket, for an open incident. */
  readonly affectedNewest: number;
  /** Failure share over the window in the affected scope. */
  readonly share: number;
  /** ln p-value of the window under the baseline (0 when not a count test). */
  readonly logP: number;
  /** Failures by reason in the window, to keep the dominant reason across updates. */
  readonly reasons: ReadonlyMap<Reason, number>;
  readonly evidence: readonly Evidence[];
}

/** Where incidents are tracked: a layer at a provider, or a layer across providers. */
export function candidateKey(c: { layer: string; provider: string | null }): string {
  return `${c.layer}|${c.provider ?? '*'}`;
}
