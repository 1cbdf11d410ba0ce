/** Why a breaker changed state: one variant per kind of evidence, with the sentence people read. */
import type { Layer, Reason } from '../classify/index.js';
import type { BreakerStateName } from './state-names.js';

/** The evidence behind one change of state. */
export type BreakerCause =
  | { readonly kind: 'initial' }
  /** An incident whose layer opens breakers and whose scope covers the target. */
  | {
      readonly kind: 'incident';
      readonly incidentId: string;
      readonly layer: Layer;
      readonly reason: Reason;
    }
  /** Fast local evidence: `count` counted failures in a row within the window. */
  | { readonly kind: 'local_failures'; readonly count: number; readonly reason: Reason }
  /** A failure while half-open sends it back. */
  | { readonly kind: 'half_open_failure'; readonly reason: Reason }
  /** A probe or a trickle request succeeded while open. */
  | { readonly kind: 'probe_success' | 'trickle_success' }
  /** The maximum open time passed: never a forgotten disable. */
  | { readonly kind: 'max_open_elapsed'; readonly openMs: number }
  /** `successes` in a row and the scope's failure share back to normal now. */
  | { readonly kind: 'recovered'; readonly successes: number }
  /** The service's verdict, followed by an app instance. */
  | { readonly kind: 'service'; readonly to: BreakerStateName; readonly why: string };

export type BreakerCauseKind = BreakerCause['kind'];

/** The sentence for `why` in `breaker.changed` and `/v1/health`. */
export function describeCause(c: BreakerCause): string {
  switch (c.kind) {
    case 'initial':
      return 'no failures seen yet';
    case 'incident':
      return `incident ${c.incidentId} (${c.layer}/${c.reason}) covers this target`;
    case 'local_failures':
      return `${c.count} failures in a row (last: ${c.reason})`;
    case 'half_open_failure':
      return `a trial call failed while half-open (${c.reason})`;
    case 'probe_success':
      return 'a probe succeeded while open';
    case 'trickle_success':
      return 'a trickle request succeeded while open';
    case 'max_open_elapsed':
      return `open for the maximum of ${Math.round(c.openMs / 1000)} s; trying again`;
    case 'recovered':
      return `${c.successes} successes in a row and the failure share is back to normal now`;
    case 'service':
      return `the service says ${c.to}: ${c.why}`;
  }
}
