/** What a breaker is told: calls, incidents, the scope's failure share, the service's verdicts. */
import type { Classification } from '../classify/index.js';
import type { IncidentFields } from '../diagnosis/index.js';
import type { BreakerStateName } from './state-names.js';
import type { ResolvedBreakerOptions } from './breaker-options.js';

/** What a breaker guards: one provider + model, named (a gateway target or a router target). */
export interface BreakerTarget {
  readonly name: string;
  readonly provider: string;
  readonly model: string;
}

/** The incident fields a breaker reads. */
export type BreakerIncident = Pick<
  IncidentFields,
  'id' | 'layer' | 'reason' | 'scope' | 'provider' | 'models'
>;

/** One piece of evidence, at `atMs`. */
export type BreakerInput =
  /** One finished call to the target (`probe`: a synthetic probe, not user traffic). */
  | {
      readonly type: 'call';
      readonly atMs: number;
      readonly classification: Classification;
      readonly probe?: boolean;
    }
  /** An incident event from the engine (`resolved` only forgets it). */
  | {
      readonly type: 'incident';
      readonly atMs: number;
      readonly event: 'opened' | 'updated' | 'reopened' | 'resolved';
      readonly incident: BreakerIncident;
    }
  /** Whether the engine sees the target's scope elevated now (failure share above normal). */
  | { readonly type: 'scope'; readonly atMs: number; readonly elevated: boolean }
  /** The service's verdict for this target (an app instance following `faultline serve`). */
  | {
      readonly type: 'verdict';
      readonly atMs: number;
      readonly to: BreakerStateName;
      readonly why: string;
    };

/** Whether the incident's scope covers the target: global covers all, provider all its models. */
export function covers(i: BreakerIncident, t: BreakerTarget): boolean {
  if (i.scope === 'global') return true;
  if (i.provider !== t.provider) return false;
  // A provider incident names the models it saw failing ("several or all", diagnosis.md): one
  // that names none covers every model; one that names some leaves the others, which the
  // evidence says work normally, in service (their own failures still open them).
  return i.models.includes(t.model) || (i.scope === 'provider' && i.models.length === 0);
}

/** Whether a verdict of this layer and reason opens the breaker (never our own broken requests). */
export function opensOn(
  layer: Classification['layer'],
  reason: Classification['reason'],
  o: ResolvedBreakerOptions,
): boolean {
  if (layer === 'none' || o.ignore.includes(reason)) return false;
  return o.openOn.some((l) => l === layer) || o.alsoOpenOn.includes(reason);
}
