/** Statuspage incident objects with their updates, newest first (pure). */
import { incidentId, incidentName, updateBody, updateId } from './incident-text.js';
import type { PageIncident } from './page-incidents.js';
import type { ComponentStatus, ComponentView, PageView } from './page-view.js';
import type { Stamp } from './stamp.js';
import { componentObject, IMPACT, pageId } from './statuspage-objects.js';

/** One incident: its current status, first posting time and JSON. */
export interface StatuspageIncident {
  readonly status: string;
  readonly postedMs: number;
  readonly json: Record<string, unknown>;
}

/** Every incident on the page, newest first. */
export function statuspageIncidents(view: PageView, stamp: Stamp): StatuspageIncident[] {
  const out = view.components.flatMap((c, index) =>
    c.incidents.map((incident) => ({
      status: incident.updates[incident.updates.length - 1]?.status ?? 'investigating',
      postedMs: incident.updates[0]?.atMs ?? 0,
      json: incidentObject(view, c, index, incident, stamp),
    })),
  );
  return out.sort((a, b) => b.postedMs - a.postedMs);
}

function incidentObject(
  view: PageView,
  c: ComponentView,
  index: number,
  incident: PageIncident,
  stamp: Stamp,
): Record<string, unknown> {
  const id = incidentId('fk', incident, index);
  const ups = incident.updates;
  const last = ups[ups.length - 1];
  const monitoring = ups.find((u) => u.status === 'monitoring');
  const updates = ups.map((u, n) => {
    const before: ComponentStatus = n === 0 ? 'operational' : (ups[n - 1]?.severity ?? u.severity);
    const after: ComponentStatus = u.status === 'resolved' ? 'operational' : u.severity;
    const at = stamp(u.atMs);
    const { id: code, name } = c.component;
    return {
      id: updateId(id, n),
      status: u.status,
      body: updateBody(u, c.component),
      incident_id: id,
      created_at: at,
      updated_at: at,
      display_at: at,
      affected_components:
        before === after ? null : [{ code, name, old_status: before, new_status: after }],
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    };
  });
  return {
    id,
    name: incidentName(incident, c.component),
    status: last?.status ?? 'investigating',
    created_at: stamp(ups[0]?.atMs ?? incident.startedMs),
    updated_at: stamp(last?.atMs ?? incident.startedMs),
    monitoring_at: monitoring === undefined ? null : stamp(monitoring.atMs),
    resolved_at: incident.resolvedMs === undefined ? null : stamp(incident.resolvedMs),
    // The stated start is the fault's own, before the first update: real pages backdate (§6).
    started_at: stamp(incident.startedMs),
    impact: IMPACT[incident.worst],
    shortlink: `https://stspg.io/${id.slice(-7)}`,
    page_id: pageId(view),
    incident_updates: updates.reverse(),
    components: [componentObject(view, c, index, stamp)],
  };
}
