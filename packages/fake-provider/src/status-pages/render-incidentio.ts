/**
 * incident.io documents (status-pages.md §2): the Widget API `/api/v1/summary` and the JSON the
 * page itself loads, `/proxy/<host>`. incident.io says `full_outage` where Statuspage says
 * `major_outage`; both are written here as incident.io writes them (pure).
 */
import { incidentId, incidentName, updateBody } from './incident-text.js';
import type { PageIncident } from './page-incidents.js';
import type { ComponentStatus, ComponentView, PageView } from './page-view.js';
import type { Stamp } from './stamp.js';

const GROUP = 'APIs';

/** incident.io's word for a component status. */
function io(status: ComponentStatus): string {
  return status === 'major_outage' ? 'full_outage' : status;
}

interface Ongoing {
  readonly c: ComponentView;
  readonly index: number;
  readonly incident: PageIncident;
  readonly id: string;
}

function ongoing(view: PageView): Ongoing[] {
  return view.components.flatMap((c, index) =>
    c.incidents
      .filter((incident) => incident.resolvedMs === undefined)
      .map((incident) => ({ c, index, incident, id: incidentId('01FK', incident, index, 26) })),
  );
}

function lastUpdate(incident: PageIncident): PageIncident['updates'][number] | undefined {
  return incident.updates[incident.updates.length - 1];
}

/** The Widget API summary: ongoing incidents with their affected components. */
export function incidentioWidget(view: PageView, stamp: Stamp): unknown {
  const url = `https://status.example.com/${view.settings.id}`;
  return {
    page_title: view.settings.title,
    page_url: url,
    ongoing_incidents: ongoing(view).map(({ c, incident, id }) => {
      const last = lastUpdate(incident);
      return {
        id,
        name: incidentName(incident, c.component),
        status: last?.status ?? 'investigating',
        url: `${url}/incidents/${id}`,
        last_update_at: stamp(last?.atMs ?? incident.startedMs),
        last_update_message: last === undefined ? '' : updateBody(last, c.component),
        current_worst_impact: io(c.status === 'operational' ? incident.worst : c.status),
        affected_components: [
          {
            id: c.component.id,
            name: c.component.name,
            group_name: GROUP,
            current_status: io(c.status),
          },
        ],
      };
    }),
    in_progress_maintenances: [],
    scheduled_maintenances: [],
  };
}

/** The page's own JSON: `{ summary: { structure, affected_components, ongoing_incidents, … } }`. */
export function incidentioProxy(view: PageView, stamp: Stamp): unknown {
  const affected = view.components.filter((c) => c.status !== 'operational');
  return {
    summary: {
      id: `01FKPAGE${view.settings.id}`.slice(0, 26),
      name: view.settings.title,
      public_url: `https://status.example.com/${view.settings.id}`,
      components: view.components.map((c) => ({ id: c.component.id, name: c.component.name })),
      affected_components: affected.map((c) => ({
        component_id: c.component.id,
        status: io(c.status),
      })),
      ongoing_incidents: ongoing(view).map(({ c, incident, id }) => ({
        id,
        name: incidentName(incident, c.component),
        status: lastUpdate(incident)?.status ?? 'investigating',
        published_at: stamp(incident.updates[0]?.atMs ?? incident.startedMs),
        current_worst_impact: io(incident.worst),
        affected_components: [{ component_id: c.component.id, status: io(c.status) }],
        component_impacts: [
          {
            component_id: c.component.id,
            status: io(incident.worst),
            start_at: stamp(incident.startedMs),
            end_at: null,
          },
        ],
        updates: [...incident.updates].reverse().map((u) => ({
          message_string: updateBody(u, c.component),
          published_at: stamp(u.atMs),
          to_status: u.status,
        })),
      })),
      in_progress_maintenances: [],
      scheduled_maintenances: [],
      structure: {
        items: [
          {
            group: {
              id: `01FKGROUP${view.settings.id}`.slice(0, 26),
              name: GROUP,
              hidden: false,
              components: view.components.map((c) => ({
                component_id: c.component.id,
                name: c.component.name,
                hidden: false,
              })),
            },
          },
        ],
      },
    },
  };
}
