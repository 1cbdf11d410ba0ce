/**
 * Which deliveries an event makes, as claim keys for `store.claimDelivery(incident, key, channel)`:
 * a key claimed once is never sent again, by this notifier or any other sharing the store.
 */
import type { DocumentIncident } from '@faultline/core';
import { stageOfEvent, type NotifyEvent } from './notify-event.js';

/**
 * The material state of an incident: what it is (layer, owner, scope, provider, models) and the
 * stage its update speaks at. A change here is news; a new evidence sentence, a higher count or a
 * small move in the peak share is not (the engine emits `updated` for those too).
 */
export function materialState(incident: DocumentIncident, stage: string): string {
  const models = [...incident.models].sort().join(',');
  const { layer, owner, scope, provider } = incident;
  return `state:${layer}|${owner}|${scope}|${provider ?? '*'}|${models}|${stage}`;
}

/** What the notifier claims for an event: the delivery key, and keys to mark as announced with it. */
export interface EventClaims {
  /** The delivery's own key; `undefined`: nothing to send. */
  readonly key: string | undefined;
  /**
   * The material state this event announces. An open or reopen claims it too, so a later update
   * that changes nothing material finds it taken; an update is sent only by claiming it first.
   */
  readonly state: string;
}

/**
 * The claims of an event. One `opened` per incident; one `reopened` per reopen (told apart by the
 * event time); one `resolved` per resolve (by `resolved_at`); an update only under a material state
 * not announced before (a state the incident returns to is not announced twice).
 */
export function eventClaims(event: NotifyEvent, nowMs: number): EventClaims {
  const state = materialState(event.incident, stageOfEvent(event));
  switch (event.kind) {
    case 'opened':
      return { key: 'opened', state };
    case 'reopened':
      return { key: `reopened:${event.atMs ?? nowMs}`, state };
    case 'resolved':
      return { key: `resolved:${event.incident.resolved_at ?? event.atMs ?? nowMs}`, state };
    case 'updated':
      return { key: state, state };
  }
}
