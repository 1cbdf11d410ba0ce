/** The incident objects of the read API: diagnosis.md's incident plus `state` and `updated_at`. */
import { formatTimestamp } from '@faultline/core';
import type { DeliveryRow, IncidentDetail, IncidentRow } from '../store/port.js';
import type { IncidentBreakerChange } from './incident-breakers.js';

/** One incident as `GET /v1/incidents` lists it. */
export function incidentJson(row: IncidentRow): Record<string, unknown> {
  const incident = JSON.parse(row.json) as Record<string, unknown>;
  return { ...incident, state: row.state, updated_at: formatTimestamp(row.updatedAtMs) };
}

/**
 * One incident as `GET /v1/incidents/{id}` shows it, with events, updates and notifications, and
 * its breaker changes when given (a `faultline report` replay has none: the key is left out).
 */
export function incidentDetailJson(
  detail: IncidentDetail,
  breakers?: readonly IncidentBreakerChange[],
): Record<string, unknown> {
  return {
    ...incidentJson(detail.incident),
    events: detail.events.map((e) => ({
      kind: e.kind,
      at: formatTimestamp(e.atMs),
      summary: e.summary,
    })),
    updates: detail.updates.map((u) => ({
      stage: u.stage,
      voice: u.voice,
      text: u.text,
      drafted_at: formatTimestamp(u.draftedAtMs),
      published_at: u.publishedAtMs === null ? null : formatTimestamp(u.publishedAtMs),
    })),
    notifications: detail.notifications.map(notificationJson),
    ...(breakers === undefined ? {} : { breakers }),
  };
}

function notificationJson(d: DeliveryRow): Record<string, unknown> {
  return {
    channel: d.channel,
    kind: d.kind,
    event: d.event,
    at: formatTimestamp(d.atMs),
    outcome: d.outcome,
    attempts: d.attempts,
  };
}
