/** Turns a live-engine feed entry into a notifier event, with the public and internal drafts. */
import { draftUpdate, type DocumentIncident } from '@faultline/core';
import type { FeedEntry } from '../store/port.js';
import { NOTIFY_EVENT_KINDS, stageOfEvent, type NotifyEvent } from './notify-event.js';

/**
 * The event for an `incident.*` feed entry (its `data` is the incident object), or `undefined` for
 * any other entry (`breaker.changed`, `status.changed`). The texts are drafts: the public one is
 * never approved here, so it reaches the team's channels but not a public page.
 * @example
 * live.onFeed((entry) => {
 *   const event = notifyEventOfFeed(entry);
 *   if (event !== undefined) notifier.handle(event);
 * });
 */
export function notifyEventOfFeed(entry: FeedEntry): NotifyEvent | undefined {
  const kind = NOTIFY_EVENT_KINDS.find((k) => entry.type === `incident.${k}`);
  if (kind === undefined) return undefined;
  const incident = JSON.parse(entry.data) as DocumentIncident;
  const base = { kind, incident, atMs: entry.atMs };
  const stage = stageOfEvent(base);
  return {
    ...base,
    stage,
    publicText: { text: draftUpdate(incident, { stage, voice: 'public' }), approved: false },
    internalText: draftUpdate(incident, { stage, voice: 'internal' }),
  };
}
