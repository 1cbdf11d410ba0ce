/** The words and ids the fake pages give their incidents, shared by every format (pure). */
import type { PageIncident, PageUpdate } from './page-incidents.js';
import type { Severity } from './rule-severity.js';
import type { StatusPageComponent } from './status-page.js';

const IMPACT_WORDS: Readonly<Record<Severity, string>> = {
  degraded_performance: 'degraded performance',
  partial_outage: 'a partial outage',
  major_outage: 'a major outage',
};

/** The incident's title, from its first posted impact. */
export function incidentName(incident: PageIncident, component: StatusPageComponent): string {
  const first = incident.updates[0]?.severity ?? incident.worst;
  return first === 'degraded_performance'
    ? `Degraded performance on ${component.name}`
    : `Elevated error rates on ${component.name}`;
}

/** The body of an update, as a person on call would write it. */
export function updateBody(update: PageUpdate, component: StatusPageComponent): string {
  switch (update.status) {
    case 'investigating':
      return update.severity === 'degraded_performance'
        ? `We are investigating degraded performance on ${component.name}.`
        : `We are investigating elevated error rates on ${component.name}.`;
    case 'identified':
      return `The issue has been identified. ${component.name} is experiencing ${IMPACT_WORDS[update.severity]}.`;
    case 'monitoring':
      return 'A fix has been implemented and we are monitoring the results.';
    case 'resolved':
      return 'This incident has been resolved.';
  }
}

/** A stable id for the incident: the same fault episode keeps it on every read. */
export function incidentId(
  prefix: string,
  incident: PageIncident,
  componentIndex: number,
  width = 12,
): string {
  const base = `${prefix}${componentIndex.toString(36)}${Math.round(incident.startedMs).toString(36)}`;
  return base.padEnd(width, '0').slice(-width);
}

/** A stable id for the update at `index` (0 = the first) of an incident. */
export function updateId(incidentKey: string, index: number): string {
  return `${incidentKey.slice(0, 10)}u${index.toString(36)}`;
}
