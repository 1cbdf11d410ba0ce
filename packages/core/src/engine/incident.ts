/** An incident as spec/diagnosis.md `faultline diagnose` prints it: the verdict for many calls. */
import type { Layer, Owner, Reason } from '../classify/index.js';

export const SCOPES = ['model', 'provider', 'global'] as const;
/** `model`: one provider, one model; `provider`: several of one provider's models; `global`: several providers. */
export type Scope = (typeof SCOPES)[number];

export const EVIDENCE_KINDS = [
  'error_rate',
  'latency',
  'cross_provider',
  'cross_model',
  'status_page',
  'probe',
  'deadline',
  'output_checks',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** One sentence of evidence, for people. */
export interface Evidence {
  readonly kind: EvidenceKind;
  readonly text: string;
}

/** An incident, field for field as in spec/diagnosis.md (times are RFC 3339 UTC strings). */
export interface Incident {
  readonly id: string;
  readonly layer: Exclude<Layer, 'none'>;
  readonly owner: Owner;
  readonly reason: Reason;
  readonly scope: Scope;
  /** `null` for global scope. */
  readonly provider: string | null;
  readonly models: readonly string[];
  readonly started_at: string;
  readonly detected_at: string;
  /** `null` while still open. */
  readonly resolved_at: string | null;
  /** Highest share of failing calls in the affected scope, 0..1. */
  readonly peak_error_rate: number;
  readonly affected_calls: number;
  /** 0..1. */
  readonly confidence: number;
  readonly evidence: readonly Evidence[];
  /** The first public status update, ready to paste (spec "The update text"). */
  readonly update: string;
}
