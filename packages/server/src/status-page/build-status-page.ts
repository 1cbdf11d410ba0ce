/**
 * Builds the public page's model from the incidents of the last 90 days. Pure: the incidents,
 * components and the time come in as arguments.
 */
import { dayHistory, dayStartMs } from './day-history.js';
import { worstState, incidentState, type IncidentFacts } from './incident-facts.js';
import type { ComponentView, Indicator, PublicIncident, StatusPageModel } from './page-model.js';
import { covers, type PageComponent } from './page-components.js';
import { publicIncident } from './public-incident.js';

export interface StatusPageInput {
  readonly title: string;
  readonly components: readonly PageComponent[];
  /** Incidents active at some time in the last 90 days. */
  readonly incidents: readonly IncidentFacts[];
  readonly nowMs: number;
}

/** Statuspage's rollup words per indicator (status-pages.md §1.1; readers must not branch on them). */
const DESCRIPTIONS: Readonly<Record<Indicator, string>> = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major Service Outage',
};

function indicatorOf(components: readonly ComponentView[]): Indicator {
  const states = components.map((c) => c.state);
  if (states.length > 0 && states.every((s) => s === 'major_outage')) return 'critical';
  if (states.includes('major_outage')) return 'major';
  return states.some((s) => s !== 'operational') ? 'minor' : 'none';
}

/**
 * The page's model.
 *
 * @example
 * const model = buildStatusPage({ title: 'Acme AI status', components, incidents, nowMs: Date.now() });
 * model.components[0]?.state; // "partial_outage" while an open incident covers it
 */
export function buildStatusPage(input: StatusPageInput): StatusPageModel {
  const { components, incidents, nowMs } = input;
  const views = components.map((c): ComponentView => {
    const touching = incidents.filter((i) => covers(c, i));
    return {
      id: c.id,
      name: c.name,
      state: worstState(touching.filter((i) => i.open).map(incidentState)),
      history: dayHistory(touching, nowMs),
    };
  });
  const shown = incidents
    .map((i) =>
      publicIncident(
        i,
        components.filter((c) => covers(c, i)),
      ),
    )
    .filter((i): i is PublicIncident => i !== undefined)
    .sort((a, b) => b.startedAtMs - a.startedAtMs || a.id.localeCompare(b.id));
  const indicator = indicatorOf(views);
  const changes = [
    ...incidents.map((i) => Math.max(i.updatedAtMs, i.endedAtMs ?? 0)),
    ...shown.map((i) => i.updatedAtMs),
  ];
  return {
    title: input.title,
    components: views,
    current: shown.filter((i) => i.open),
    past: shown.filter((i) => !i.open),
    indicator,
    description: DESCRIPTIONS[indicator],
    updatedAtMs: changes.length === 0 ? dayStartMs(nowMs) : Math.max(...changes),
  };
}
