/** Google Cloud Service Health `incidents.json` and `products.json` (status-pages.md §4; pure). */
import { incidentId, incidentName, updateBody } from './incident-text.js';
import type { PageView } from './page-view.js';
import type { Severity } from './rule-severity.js';
import type { Stamp } from './stamp.js';

const STATUS_IMPACT: Readonly<Record<Severity, string>> = {
  degraded_performance: 'SERVICE_INFORMATION',
  partial_outage: 'SERVICE_DISRUPTION',
  major_outage: 'SERVICE_OUTAGE',
};
const SEVERITY: Readonly<Record<Severity, string>> = {
  degraded_performance: 'low',
  partial_outage: 'medium',
  major_outage: 'high',
};
const GLOBAL = [{ title: 'Global', id: 'global' }];

/** Every incident of the page's products, newest first, open and resolved. */
export function googleIncidents(view: PageView, stamp: Stamp): unknown[] {
  const all = view.components.flatMap((c, index) =>
    c.incidents.map((incident) => {
      const id = incidentId('FKgcp', incident, index, 20);
      const open = incident.resolvedMs === undefined;
      const updates = [...incident.updates].reverse().map((u) => {
        const at = stamp(u.atMs);
        return {
          created: at,
          modified: at,
          when: at,
          text: `**Summary:** ${incidentName(incident, c.component)}\n\n**Description:** ${updateBody(u, c.component)}`,
          status: u.status === 'resolved' ? 'AVAILABLE' : STATUS_IMPACT[u.severity],
          affected_locations: GLOBAL,
        };
      });
      const product = { title: c.component.name, id: c.component.id };
      return {
        postedMs: incident.updates[0]?.atMs ?? 0,
        json: {
          id,
          number: String(Math.round(incident.startedMs) * 10 + index),
          begin: stamp(incident.startedMs),
          created: updates[updates.length - 1]?.created,
          end: open ? null : stamp(incident.resolvedMs ?? 0),
          modified: updates[0]?.modified,
          external_desc: incidentName(incident, c.component),
          updates,
          most_recent_update: updates[0],
          status_impact: STATUS_IMPACT[incident.worst],
          severity: SEVERITY[incident.worst],
          service_key: c.component.id,
          service_name: c.component.name,
          affected_products: [product],
          uri: `incidents/${id}`,
          currently_affected_locations: open ? GLOBAL : [],
          previously_affected_locations: open ? [] : GLOBAL,
        },
      };
    }),
  );
  return all.sort((a, b) => b.postedMs - a.postedMs).map((i) => i.json);
}

/** `products.json`: the page's products (its components). */
export function googleProducts(view: PageView): unknown {
  return {
    products: view.components.map((c) => ({ title: c.component.name, id: c.component.id })),
  };
}
