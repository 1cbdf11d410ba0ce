/** The incident an outside reader sees of a tracked one: its verdict, its state, its update. */
import type { Incident, IncidentLifecycle, IncidentVerdict } from '../diagnosis/index.js';
import { confidenceOf, dominantReason, type Tracked } from './tracker.js';

const iso = (ms: number): string => new Date(ms).toISOString();

function lifecycle(t: Tracked): IncidentLifecycle {
  if (t.merged !== undefined)
    return {
      status: 'merged',
      resolved_at: null,
      merged_into: t.merged.into,
      merged_at: iso(t.merged.atMs),
    };
  return t.resolvedMs === null
    ? { status: 'open', resolved_at: null }
    : { status: 'resolved', resolved_at: iso(t.resolvedMs) };
}

/** The incident of `t`, its update drafted by `draft` (empty without one). */
export function toIncident(t: Tracked, draft?: (incident: IncidentVerdict) => string): Incident {
  const c = t.candidate;
  const verdict: IncidentVerdict = {
    id: t.id,
    layer: c.layer,
    owner: c.owner,
    reason: dominantReason(t),
    scope: c.provider === null ? 'global' : t.models.size >= 2 ? 'provider' : 'model',
    provider: c.provider,
    models: [...t.models].sort(),
    started_at: iso(t.startMs),
    detected_at: iso(t.detectedMs),
    peak_error_rate: Math.round(t.peak * 1000) / 1000,
    affected_calls: t.affected,
    confidence: confidenceOf(t),
    evidence: [...t.evidence.values()],
    ...lifecycle(t),
  };
  return { ...verdict, update: draft?.(verdict) ?? '' };
}
