/** The words Slack, Teams and PagerDuty share about an incident: headline and facts (no record text). */
import { providerDisplayName, type DocumentIncident } from '@faultline/core';
import type { NotifyEventKind } from './notify-event.js';

const VERB: Record<NotifyEventKind, string> = {
  opened: 'Opened',
  updated: 'Updated',
  resolved: 'Resolved',
  reopened: 'Reopened',
};

const OWNER_WORDS: Record<DocumentIncident['owner'], string> = {
  ours: 'ours (our move)',
  provider: "the provider's",
  unknown: 'unknown',
};

/** Where the incident is: provider and models, or every provider. */
export function whereOf(incident: DocumentIncident): string {
  if (incident.provider === null) return 'every provider';
  const name = providerDisplayName(incident.provider);
  return incident.models.length === 0 ? name : `${name} ${incident.models.join(', ')}`;
}

/** "Opened: provider layer (overloaded) at Anthropic claude-opus-4-7". */
export function headlineOf(kind: NotifyEventKind, incident: DocumentIncident): string {
  return `${VERB[kind]}: ${incident.layer} layer (${incident.reason}) at ${whereOf(incident)}`;
}

/** A share as a percentage with one decimal at most. */
function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** The verdict as label/value pairs, in the order people read them. */
export function factsOf(incident: DocumentIncident): readonly (readonly [string, string])[] {
  return [
    ['Layer', `${incident.layer} (${incident.reason})`],
    ['Owner', OWNER_WORDS[incident.owner]],
    ['Scope', incident.scope],
    ['Where', whereOf(incident)],
    ['Peak failing', percent(incident.peak_error_rate)],
    ['Affected calls', String(incident.affected_calls)],
    ['Started', incident.started_at],
    ['Confidence', percent(incident.confidence)],
    ...(incident.resolved_at === null ? [] : [['Resolved', incident.resolved_at] as const]),
  ];
}

/** Cuts `text` to `max` characters, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
