/** An incident: the verdict for many calls, its lifecycle, and the document form of spec/diagnosis.md. */
import type { Owner, Reason } from '../classify/index.js';
import type { Evidence, EvidenceInput } from './evidence-facts.js';
import type { FailureLayer, Scope } from './layers.js';

export const INCIDENT_STATUSES = ['open', 'resolved', 'merged'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** What every incident states, whatever its state (times are RFC 3339 UTC strings). */
export interface IncidentFields {
  readonly id: string;
  readonly layer: FailureLayer;
  readonly owner: Owner;
  readonly reason: Reason;
  readonly scope: Scope;
  /** `null` for global scope. */
  readonly provider: string | null;
  readonly models: readonly string[];
  readonly started_at: string;
  readonly detected_at: string;
  /** Highest share of failing calls in the affected scope, 0..1. */
  readonly peak_error_rate: number;
  readonly affected_calls: number;
  /** 0..1. */
  readonly confidence: number;
  readonly evidence: readonly Evidence[];
}

/** Where an incident is in its life, with the fields each state has. */
export type IncidentLifecycle =
  | { readonly status: 'open'; readonly resolved_at: null }
  | { readonly status: 'resolved'; readonly resolved_at: string }
  /** Taken over by a global incident of the same layer (`merged_into`) at `merged_at`. */
  | {
      readonly status: 'merged';
      readonly resolved_at: null;
      readonly merged_into: string;
      readonly merged_at: string;
    };

/** An incident before its update is drafted: what `draft` is given. */
export type IncidentVerdict = IncidentFields & IncidentLifecycle;

/** An incident as the engine reports it, with its first public update (spec "The update text"). */
export type Incident = IncidentVerdict & { readonly update: string };

/** An incident field for field as `faultline diagnose --json` writes it (spec/diagnosis.md). */
export interface DocumentIncident extends IncidentFields {
  /** `null` while still open. */
  readonly resolved_at: string | null;
  readonly update: string;
}

/**
 * An incident as a reader may meet it in a diagnosis document: what drafting and linting need.
 * `facts` may be missing (documents before v1.1) and `update` is not needed.
 */
export interface IncidentInput extends Omit<IncidentFields, 'evidence'> {
  readonly resolved_at: string | null;
  readonly evidence: readonly EvidenceInput[];
  readonly update?: string;
}

/** The document form of an incident: exactly the spec's fields, in the spec's order. */
export function toDocumentIncident(i: Incident): DocumentIncident {
  return {
    id: i.id,
    layer: i.layer,
    owner: i.owner,
    reason: i.reason,
    scope: i.scope,
    provider: i.provider,
    models: i.models,
    started_at: i.started_at,
    detected_at: i.detected_at,
    resolved_at: i.resolved_at,
    peak_error_rate: i.peak_error_rate,
    affected_calls: i.affected_calls,
    confidence: i.confidence,
    evidence: i.evidence,
    update: i.update,
  };
}
