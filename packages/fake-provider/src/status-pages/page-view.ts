/** A page's state at one moment: each component's status and incidents (pure; time passed in). */
import type { FaultSnapshot } from './fault-history.js';
import { pageIncidents, type PageIncident } from './page-incidents.js';
import { ruleTouches, type Severity } from './rule-severity.js';
import { severitySegments } from './severity-segments.js';
import type { StatusPageComponent, StatusPageSettings } from './status-page.js';

/** A component status in Statuspage's words. */
export type ComponentStatus = 'operational' | Severity;

/** One component as the page shows it. */
export interface ComponentView {
  readonly component: StatusPageComponent;
  readonly status: ComponentStatus;
  /** When its shown status last changed (the page's creation if never). */
  readonly changedMs: number;
  /** Its incidents, oldest first, resolved ones included. */
  readonly incidents: readonly PageIncident[];
}

/** The whole page. */
export interface PageView {
  readonly settings: StatusPageSettings;
  readonly createdMs: number;
  readonly components: readonly ComponentView[];
  /** When anything shown last changed: the document's Last-Modified. */
  readonly changedMs: number;
}

/** How far back a page replays faults: a day of real time. */
export const PAGE_HORIZON_MS = 24 * 3600 * 1000;

/** The page `settings` at `nowMs`, from the fault history. */
export function pageView(
  settings: StatusPageSettings,
  snapshots: readonly FaultSnapshot[],
  createdMs: number,
  nowMs: number,
): PageView {
  const fromMs = Math.max(createdMs, nowMs - PAGE_HORIZON_MS);
  const lags = {
    lagMs: (timeScale: number) => (settings.lagS * 1000) / timeScale,
    recoveryLagMs: (timeScale: number) => (settings.recoveryLagS * 1000) / timeScale,
  };
  const components = settings.components.map((component): ComponentView => {
    const touches = ruleTouches(settings.provider, component);
    const segments = severitySegments(snapshots, touches, fromMs, nowMs);
    const incidents = pageIncidents(segments, lags, nowMs);
    let status: ComponentStatus = 'operational';
    let changedMs = createdMs;
    for (const incident of incidents) {
      const last = incident.updates[incident.updates.length - 1];
      if (last === undefined) continue;
      changedMs = Math.max(changedMs, last.atMs);
      if (incident.resolvedMs === undefined) status = last.severity;
    }
    return { component, status, changedMs, incidents };
  });
  const changedMs = components.reduce((m, c) => Math.max(m, c.changedMs), createdMs);
  return { settings, createdMs, components, changedMs };
}
