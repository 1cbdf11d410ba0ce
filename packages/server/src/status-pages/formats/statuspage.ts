/**
 * Atlassian Statuspage v2 (Anthropic, DeepSeek, …): `/api/v2/summary.json` has every component's
 * status and the unresolved incidents, so one call gives a verdict (status-pages.md §1).
 */
import type { PageFormat, ParseOutcome } from '../page-format.js';
import { endpointUnder } from '../page-format.js';
import { readJson } from '../json-document.js';
import { pageText } from '../plain-text.js';
import type { ComponentReading } from '../status-source.js';
import { statuspageSummarySchema, type StatuspageIncident } from './statuspage-schema.js';

/** Incidents and in-progress maintenances that touch component `id`, most recently updated first. */
function touching(incidents: readonly StatuspageIncident[], id: string): StatuspageIncident[] {
  return incidents
    .filter(
      (i) =>
        (i.components ?? []).some((c) => c.id === id) ||
        (i.incident_updates ?? []).some((u) =>
          (u.affected_components ?? []).some((a) => a.code === id),
        ),
    )
    .sort((a, b) => (b.updated_at ?? '').localeCompare(a.updated_at ?? ''));
}

/** The first update's time: updates are newest first, so the last one (§1.1). */
function postedAt(i: StatuspageIncident): string | undefined {
  const updates = i.incident_updates ?? [];
  return updates[updates.length - 1]?.created_at ?? i.created_at ?? undefined;
}

function parse(text: string): ParseOutcome {
  const doc = readJson(text, statuspageSummarySchema);
  if (!doc.ok) return doc;
  const open = [
    ...(doc.value.incidents ?? []).filter(
      (i) => i.status !== 'resolved' && i.status !== 'postmortem',
    ),
    ...(doc.value.scheduled_maintenances ?? []).filter(
      (m) => m.status === 'in_progress' || m.status === 'verifying',
    ),
  ];
  const readings = doc.value.components.map((c): ComponentReading => {
    const incident = touching(open, c.id)[0];
    const started = incident?.started_at ?? incident?.created_at ?? undefined;
    const posted = incident === undefined ? undefined : postedAt(incident);
    return {
      component: pageText(c.name),
      componentId: c.id,
      status: c.status,
      incident: incident === undefined ? null : pageText(incident.name),
      ...(incident === undefined ? {} : { incidentId: incident.id }),
      ...(started === undefined ? {} : { pageStartedAt: started }),
      ...(posted === undefined ? {} : { pagePostedAt: posted }),
      ...(c.updated_at == null ? {} : { pageUpdatedAt: c.updated_at }),
    };
  });
  return { ok: true, readings, complete: true };
}

/** The `statuspage` kind. */
export const statuspageFormat: PageFormat = {
  body: 'json',
  endpoint: (baseUrl) => endpointUnder(baseUrl, '/api/v2/summary.json'),
  parse,
};
