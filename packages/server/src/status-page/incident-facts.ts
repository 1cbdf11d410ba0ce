/**
 * The facts of a stored incident the public page may use: where it is (scope, provider, models),
 * when, how bad, and its published public updates. Evidence and drafts never get this far.
 */
import type { ComponentState, PublicUpdate } from './page-model.js';

export interface IncidentFacts {
  readonly id: string;
  readonly open: boolean;
  readonly scope: 'model' | 'provider' | 'global';
  /** `null` for global scope (diagnosis.md). */
  readonly provider: string | null;
  readonly models: readonly string[];
  readonly layer: 'integration' | 'network' | 'provider' | 'model';
  readonly reason: string;
  /** 0..1. */
  readonly peakErrorRate: number;
  readonly startedAtMs: number;
  /** `null` while open. */
  readonly endedAtMs: number | null;
  readonly updatedAtMs: number;
  /** Published public updates only, any order. */
  readonly published: readonly PublicUpdate[];
}

/**
 * Half the calls failing is "down" in `/v1/health` (server-api.md), so it is a major outage here
 * too; slow answers with no errors are slowness; anything else is a partial outage.
 */
export const MAJOR_OUTAGE_SHARE = 0.5;

/** The state an incident puts the components it covers in. */
export function incidentState(i: IncidentFacts): ComponentState {
  if (i.peakErrorRate >= MAJOR_OUTAGE_SHARE) return 'major_outage';
  if (i.reason === 'slow') return 'degraded_performance';
  return 'partial_outage';
}

const ORDER: readonly ComponentState[] = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
];

/** The worse of the states (operational for none). */
export function worstState(states: Iterable<ComponentState>): ComponentState {
  let worst: ComponentState = 'operational';
  for (const s of states) if (ORDER.indexOf(s) > ORDER.indexOf(worst)) worst = s;
  return worst;
}
