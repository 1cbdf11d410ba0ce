/** An engine event as the store keeps it: the incident row, the event, the drafts and the feed entry. */
import {
  draftUpdate,
  toDocumentIncident,
  VOICES,
  type Incident,
  type IncidentEvent,
} from '@faultline/core';
import type { IncidentChange, UpdateStage } from '../store/port.js';

/** SSE event types of incident changes (server-api.md, GET /v1/events). */
export const INCIDENT_FEED_TYPES = [
  'incident.opened',
  'incident.updated',
  'incident.resolved',
  'incident.reopened',
] as const;
export type IncidentFeedType = (typeof INCIDENT_FEED_TYPES)[number];

/** An event ready to save: what `store.saveIncidentChange` takes. */
export interface PreparedChange {
  readonly change: IncidentChange;
  readonly feed: { readonly type: IncidentFeedType; readonly data: string };
}

/**
 * The stage an incident's drafts are written at: the engine has named the layer once it opens an
 * incident (`identified`), and `resolved` once it ends. This is the stage `faultline diagnose`
 * drafts its `update` at, so the stored public draft matches the one in the incident object.
 */
export function stageOf(incident: Incident): UpdateStage | undefined {
  if (incident.status === 'merged') return undefined; // taken over: the global incident speaks
  return incident.status === 'open' ? 'identified' : 'resolved';
}

/** A one-line summary of the change (no record text: only the verdict's own words and numbers). */
function summaryOf(e: IncidentEvent): string {
  const i = e.incident;
  const where = i.provider === null ? 'every provider' : `${i.provider} ${i.models.join(', ')}`;
  const share = `peak ${Math.round(i.peak_error_rate * 1000) / 10}% failing`;
  const into = i.status === 'merged' ? `, merged into ${i.merged_into}` : '';
  return `${e.kind}: ${i.layer} layer (${i.reason}) at ${where}; ${share}, ${i.affected_calls} calls${into}`;
}

/** A merged incident ends (its row is resolved), so its feed entry says so. */
function feedTypeOf(e: IncidentEvent): IncidentFeedType {
  return e.kind === 'merged' ? 'incident.resolved' : `incident.${e.kind}`;
}

/** The store change and feed entry for one engine event. */
export function prepareChange(e: IncidentEvent): PreparedChange {
  const i = e.incident;
  const json = JSON.stringify(toDocumentIncident(i));
  const endedAt = i.status === 'merged' ? i.merged_at : i.resolved_at;
  const stage = stageOf(i);
  const updates =
    stage === undefined
      ? []
      : VOICES.map((voice) => ({
          stage,
          voice,
          text: draftUpdate(i, { stage, voice }),
          draftedAtMs: e.atMs,
        }));
  return {
    change: {
      incident: {
        id: i.id,
        state: i.status === 'open' ? 'open' : 'resolved',
        provider: i.provider,
        startedAtMs: Date.parse(i.started_at),
        endedAtMs: endedAt === null ? null : Date.parse(endedAt),
        updatedAtMs: e.atMs,
        json,
      },
      event: { kind: e.kind, atMs: e.atMs, summary: summaryOf(e) },
      updates,
    },
    feed: { type: feedTypeOf(e), data: json },
  };
}
