/** Atlassian Statuspage v2 documents (`/api/v2/*.json`), shaped as status-pages.md §1 (pure). */
import type { PageView } from './page-view.js';
import type { Stamp } from './stamp.js';
import { statuspageIncidents } from './statuspage-incident.js';
import { componentObject, IMPACT, LEVELS, pageObject, type Level } from './statuspage-objects.js';

const ROLLUP: Readonly<Record<Level, string>> = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
};

/**
 * The documents a Statuspage page serves under `/api/v2/`, keyed by path: `summary.json` (the
 * one to poll: components, unresolved incidents, rollup), `status.json`, `components.json`,
 * `incidents.json` (the 50 most recent, resolved included) and `incidents/unresolved.json`.
 */
export function statuspageDocuments(view: PageView, stamp: Stamp): Record<string, unknown> {
  const page = pageObject(view, stamp);
  const components = view.components.map((c, i) => componentObject(view, c, i, stamp));
  const all = statuspageIncidents(view, stamp);
  const unresolved = all.filter((i) => i.status !== 'resolved').map((i) => i.json);
  const worst = view.components.reduce<Level>((w, c) => {
    const level = c.status === 'operational' ? 'none' : IMPACT[c.status];
    return LEVELS.indexOf(level) > LEVELS.indexOf(w) ? level : w;
  }, 'none');
  const status = { indicator: worst, description: ROLLUP[worst] };
  return {
    'summary.json': { page, components, incidents: unresolved, scheduled_maintenances: [], status },
    'status.json': { page, status },
    'components.json': { page, components },
    'incidents.json': { page, incidents: all.slice(0, 50).map((i) => i.json) },
    'incidents/unresolved.json': { page, incidents: unresolved },
  };
}
