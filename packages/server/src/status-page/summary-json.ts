/**
 * `/status/summary.json` in the Atlassian Statuspage v2 `summary.json` shape (status-pages.md
 * §1, §1.1), so other tools, and the project's own Statuspage poller, can read the team's page.
 * Incidents are the unresolved ones with something published; there are no maintenances.
 */
import type { ComponentView, Indicator, PublicIncident, StatusPageModel } from './page-model.js';
import { stableId } from './page-components.js';

const iso = (ms: number): string => new Date(ms).toISOString();

/** `none | minor | major | critical` impact from the state the incident causes. */
const IMPACT: Readonly<Record<PublicIncident['state'], Indicator>> = {
  operational: 'none',
  degraded_performance: 'minor',
  partial_outage: 'minor',
  major_outage: 'major',
};

function componentJson(c: ComponentView, position: number, pageId: string, atMs: number) {
  return {
    id: c.id,
    name: c.name,
    status: c.state,
    created_at: iso(atMs),
    updated_at: iso(atMs),
    position,
    description: null,
    showcase: true,
    start_date: null,
    group_id: null,
    page_id: pageId,
    group: false,
    only_show_if_degraded: false,
  };
}

function incidentJson(i: PublicIncident, components: unknown[], pageId: string, origin: string) {
  const firstPublished = i.updates[i.updates.length - 1]?.publishedAtMs ?? i.updatedAtMs;
  const monitoring = i.updates.find((u) => u.stage === 'monitoring')?.publishedAtMs;
  return {
    id: i.id,
    name: i.name,
    status: i.status,
    created_at: iso(firstPublished),
    updated_at: iso(i.updatedAtMs),
    monitoring_at: monitoring === undefined ? null : iso(monitoring),
    resolved_at: i.endedAtMs === null ? null : iso(i.endedAtMs),
    impact: IMPACT[i.state],
    shortlink: `${origin}/status#incident-${encodeURIComponent(i.id)}`,
    started_at: iso(i.startedAtMs),
    page_id: pageId,
    incident_updates: i.updates.map((u) => ({
      id: stableId(`${i.id}:${u.stage}`),
      status: u.stage,
      body: u.text,
      incident_id: i.id,
      created_at: iso(u.publishedAtMs),
      updated_at: iso(u.publishedAtMs),
      display_at: iso(u.publishedAtMs),
      affected_components: null,
    })),
    components,
  };
}

/**
 * The summary document. `origin` (`http://host:port`, or `""`) makes the page's `url` absolute.
 *
 * @example
 * sendJson(res, 200, summaryJson(model, 'http://127.0.0.1:7600'));
 */
export function summaryJson(model: StatusPageModel, origin: string): Record<string, unknown> {
  const pageId = stableId(`page:${model.title}`);
  const at = model.updatedAtMs;
  const components = model.components.map((c, n) => componentJson(c, n + 1, pageId, at));
  return {
    page: {
      id: pageId,
      name: model.title,
      url: `${origin}/status`,
      time_zone: 'Etc/UTC',
      updated_at: iso(at),
    },
    components,
    incidents: model.current.map((i) =>
      incidentJson(
        i,
        components.filter((c) => i.componentIds.includes(c.id)),
        pageId,
        origin,
      ),
    ),
    scheduled_maintenances: [],
    status: { indicator: model.indicator, description: model.description },
  };
}
