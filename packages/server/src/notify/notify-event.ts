/** What the notifier is told: an incident change, with the update texts drafted (or approved) for it. */
import type { DocumentIncident, UpdateStage } from '@faultline/core';

/** The incident changes channels hear about (server-api.md, GET /v1/events without the prefix). */
export const NOTIFY_EVENT_KINDS = ['opened', 'updated', 'resolved', 'reopened'] as const;
export type NotifyEventKind = (typeof NOTIFY_EVENT_KINDS)[number];

/** A public update's text, and whether an admin approved (published) it. */
export interface PublicText {
  readonly text: string;
  /** Only approved text reaches a public page (the Statuspage publisher); drafts go to the team. */
  readonly approved: boolean;
}

/** One incident change for {@link Notifier.handle}. */
export interface NotifyEvent {
  readonly kind: NotifyEventKind;
  /** The incident object of spec/diagnosis.md as it stands after the change. */
  readonly incident: DocumentIncident;
  /**
   * The update stage the texts are written at. Default: `identified` while open (the stage the
   * live engine drafts at), `resolved` for a resolve.
   */
  readonly stage?: UpdateStage | undefined;
  /** The public update (drafted by `draftUpdate`, or the one an admin published). */
  readonly publicText?: PublicText | undefined;
  /** The internal update for the team (`draftUpdate` with `voice: 'internal'`). */
  readonly internalText?: string | undefined;
  /**
   * The event's time in epoch ms (the feed entry's `atMs`). It tells one reopen from the next, so
   * notifiers sharing a store claim the same reopen once; default: the notifier's clock.
   */
  readonly atMs?: number | undefined;
}

/** The stage of an event's texts, defaulted as {@link NotifyEvent.stage} says. */
export function stageOfEvent(event: NotifyEvent): UpdateStage {
  return event.stage ?? (event.kind === 'resolved' ? 'resolved' : 'identified');
}

/** The event's type as webhook bodies, the delivery log and the SSE feed name it. */
export function eventType(kind: NotifyEventKind): `incident.${NotifyEventKind}` {
  return `incident.${kind}`;
}
