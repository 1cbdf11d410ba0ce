/** Component readings from the two incident.io documents (status-pages.md §2). */
import type { ComponentStatus } from '@faultline/core';
import { pageText } from '../plain-text.js';
import type { ComponentReading } from '../status-source.js';
import type {
  ImpactWord,
  ProxyIncident,
  ProxySummary,
  WidgetSummary,
} from './incidentio-schema.js';

const SEVERITY: Readonly<Record<ComponentStatus, number>> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

/** incident.io's word in Statuspage's vocabulary: `full_outage` is `major_outage` (§2). */
export function statusOf(word: ImpactWord): ComponentStatus {
  return word === 'full_outage' ? 'major_outage' : word;
}

/** Keeps the worse of two readings of one component. */
function worse(a: ComponentReading | undefined, b: ComponentReading): ComponentReading {
  return a === undefined || SEVERITY[b.status] > SEVERITY[a.status] ? b : a;
}

/** Widget summary: one reading per affected component (the rest are operational by absence). */
export function widgetReadings(doc: WidgetSummary): ComponentReading[] {
  const byId = new Map<string, ComponentReading>();
  const add = (entry: WidgetSummary['ongoing_incidents'][number], maintenance: boolean): void => {
    for (const c of entry.affected_components ?? []) {
      const reading: ComponentReading = {
        component: pageText(c.name),
        componentId: c.id,
        status: maintenance ? 'under_maintenance' : statusOf(c.current_status),
        incident: pageText(entry.name),
        incidentId: entry.id,
        ...(entry.started_at == null ? {} : { pageStartedAt: entry.started_at }),
        ...(entry.last_update_at == null ? {} : { pageUpdatedAt: entry.last_update_at }),
      };
      byId.set(c.id, worse(byId.get(c.id), reading));
    }
  };
  for (const i of doc.ongoing_incidents) add(i, false);
  for (const m of doc.in_progress_maintenances ?? []) add(m, true);
  return [...byId.values()];
}

function touches(i: ProxyIncident, id: string): boolean {
  return (
    (i.affected_components ?? []).some((c) => c.component_id === id) ||
    (i.component_impacts ?? []).some((c) => c.component_id === id)
  );
}

/** Page proxy JSON: every visible component of `structure`, its status from `affected_components`. */
export function proxyReadings(doc: ProxySummary): ComponentReading[] {
  const s = doc.summary;
  const statuses = new Map(
    (s.affected_components ?? []).map((a) => [a.component_id, statusOf(a.status)]),
  );
  const open = [...(s.ongoing_incidents ?? []), ...(s.in_progress_maintenances ?? [])];
  const components = s.structure.items.flatMap((item) => [
    ...(item.group?.components ?? []),
    ...(item.component == null ? [] : [item.component]),
  ]);
  return components
    .filter((c) => c.hidden !== true)
    .map((c): ComponentReading => {
      const incident = open.find((i) => touches(i, c.component_id));
      const started = incident?.component_impacts?.find(
        (x) => x.component_id === c.component_id,
      )?.start_at;
      return {
        component: pageText(c.name),
        componentId: c.component_id,
        status: statuses.get(c.component_id) ?? 'operational',
        incident: incident === undefined ? null : pageText(incident.name),
        ...(incident === undefined ? {} : { incidentId: incident.id }),
        ...(started == null ? {} : { pageStartedAt: started }),
        ...(incident?.published_at == null ? {} : { pagePostedAt: incident.published_at }),
        ...(incident?.last_update_at == null ? {} : { pageUpdatedAt: incident.last_update_at }),
      };
    });
}
