/**
 * PagerDuty Events API v2 bodies (alerting.md §2; PagerDuty developer-docs 02-Trigger-Events,
 * 04-Resolve-Events): a `trigger` with the verdict as payload, a `resolve` by `dedup_key` alone.
 */
import type { DocumentIncident } from '@faultline/core';
import { clip, headlineOf } from './incident-summary.js';
import type { NotifyEvent } from './notify-event.js';

export type PagerDutySeverity = 'critical' | 'error' | 'warning' | 'info';

/**
 * Severity from layer, owner and scope (derived, not a vendor rule): a fault of ours everywhere
 * stops every call and only we can fix it: critical. Ours at one provider or model, or a
 * provider/network fault across a provider or more: error. A model-quality fault or one model of
 * one provider (failover usually covers it): warning. An owner nobody knows yet: warning.
 */
export function severityOf(incident: DocumentIncident): PagerDutySeverity {
  if (incident.owner === 'ours') return incident.scope === 'global' ? 'critical' : 'error';
  if (incident.owner === 'unknown' || incident.layer === 'model') return 'warning';
  return incident.scope === 'model' ? 'warning' : 'error';
}

/** The evidence as data (spec/diagnosis.md v1.1 `facts`), keyed by kind, with its sentence (no record text). */
function evidenceDetails(incident: DocumentIncident): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of incident.evidence) out[e.kind] = { text: e.text, facts: e.facts };
  return out;
}

/** The `trigger` event; `dedup_key` is the incident id, so a reopen re-triggers the same key. */
export function triggerEvent(routingKey: string, event: NotifyEvent): Record<string, unknown> {
  const i = event.incident;
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: i.id,
    payload: {
      summary: clip(headlineOf(event.kind, i), 1024),
      source: i.provider ?? 'faultline (every provider)',
      severity: severityOf(i),
      timestamp: i.detected_at,
      component: i.provider === null ? 'all' : `${i.provider}:${i.models.join(',')}`,
      group: i.layer,
      class: `${i.layer}/${i.reason}`,
      custom_details: {
        incident_id: i.id,
        layer: i.layer,
        owner: i.owner,
        reason: i.reason,
        scope: i.scope,
        provider: i.provider,
        models: i.models,
        started_at: i.started_at,
        peak_error_rate: i.peak_error_rate,
        affected_calls: i.affected_calls,
        confidence: i.confidence,
        evidence: evidenceDetails(i),
        ...(event.internalText === undefined ? {} : { update: event.internalText }),
      },
    },
    client: 'Faultline',
  };
}

/** The `resolve` event: only the key and the action are read (04-Resolve-Events). */
export function resolveEvent(routingKey: string, incidentId: string): Record<string, unknown> {
  return { routing_key: routingKey, event_action: 'resolve', dedup_key: incidentId };
}
