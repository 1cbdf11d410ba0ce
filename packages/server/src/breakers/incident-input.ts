/** An `incident.*` feed entry of the live engine as breaker evidence. */
import type { BreakerIncident } from '@faultline/core';
import type { FeedEntry } from '../store/port.js';

/** The incident events a breaker reads (`resolved` only forgets the incident). */
export type IncidentEventKind = 'opened' | 'updated' | 'reopened' | 'resolved';

/** One incident event: what happened to which incident, at its record time. */
export interface IncidentNotice {
  readonly event: IncidentEventKind;
  readonly atMs: number;
  readonly incident: BreakerIncident;
}

const KINDS: readonly IncidentEventKind[] = ['opened', 'updated', 'reopened', 'resolved'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** The notice in an `incident.*` entry (its data is the incident object), else `undefined`. */
export function incidentNotice(entry: FeedEntry): IncidentNotice | undefined {
  const event = KINDS.find((k) => entry.type === `incident.${k}`);
  if (event === undefined) return undefined;
  let d: unknown;
  try {
    d = JSON.parse(entry.data);
  } catch {
    return undefined;
  }
  if (
    !isObject(d) ||
    typeof d.id !== 'string' ||
    typeof d.layer !== 'string' ||
    typeof d.reason !== 'string' ||
    typeof d.scope !== 'string' ||
    !(typeof d.provider === 'string' || d.provider === null) ||
    !Array.isArray(d.models) ||
    !d.models.every((m) => typeof m === 'string')
  )
    return undefined;
  // The shape is checked above; layer, reason and scope are the engine's own words.
  return { event, atMs: entry.atMs, incident: d as unknown as BreakerIncident };
}
