/** What a late status page shows of a component's faults: incidents with their updates (pure). */
import type { SeveritySegment } from './severity-segments.js';
import { worse, type Severity } from './rule-severity.js';

/** Incident statuses in Statuspage's words; incident.io and Google are mapped from them. */
export type UpdateStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved';

/** One posted update: from `atMs` the component shows `severity` (operational once resolved). */
export interface PageUpdate {
  readonly atMs: number;
  readonly status: UpdateStatus;
  readonly severity: Severity;
}

/** A fault episode as the page tells it. */
export interface PageIncident {
  /** When the fault began: the start the provider states, before anything was posted. */
  readonly startedMs: number;
  /** The updates posted by now, oldest first; the first is the incident's creation. */
  readonly updates: readonly PageUpdate[];
  /** Set once the resolution is posted. */
  readonly resolvedMs: number | undefined;
  /** The worst impact posted. */
  readonly worst: Severity;
}

/** Lags in real milliseconds, given the time scale in force when the fault began. */
export interface PageLags {
  readonly lagMs: (timeScale: number) => number;
  readonly recoveryLagMs: (timeScale: number) => number;
}

/**
 * The incidents shown at `nowMs`: each fault episode (a run of segments with an impact) is posted
 * `lag` after it starts, each change of impact `lag` after it happens, `monitoring` halfway
 * through the recovery lag and `resolved` a recovery lag after the fault ends. An episode
 * over before the page would post it is never shown. `segments` end at `nowMs`.
 */
export function pageIncidents(
  segments: readonly SeveritySegment[],
  lags: PageLags,
  nowMs: number,
): PageIncident[] {
  const incidents: PageIncident[] = [];
  let i = 0;
  while (i < segments.length) {
    const first = segments[i];
    if (first?.severity === undefined) {
      i++;
      continue;
    }
    const steps: { atMs: number; severity: Severity }[] = [];
    let endMs: number | undefined;
    for (; i < segments.length; i++) {
      const seg = segments[i];
      if (seg?.severity === undefined) break;
      steps.push({ atMs: seg.startMs, severity: seg.severity });
      endMs = seg.endMs;
    }
    const open = endMs === undefined || endMs >= nowMs;
    const incident = tell(steps, open ? undefined : endMs, first.timeScale, lags, nowMs);
    if (incident !== undefined) incidents.push(incident);
  }
  return incidents;
}

function tell(
  steps: readonly { atMs: number; severity: Severity }[],
  endMs: number | undefined,
  timeScale: number,
  lags: PageLags,
  nowMs: number,
): PageIncident | undefined {
  const lagMs = lags.lagMs(timeScale);
  const recoveryMs = lags.recoveryLagMs(timeScale);
  const startedMs = steps[0]?.atMs ?? nowMs;
  const resolveAt = endMs === undefined ? Infinity : endMs + recoveryMs;
  const updates: PageUpdate[] = [];
  for (const step of steps) {
    const atMs = step.atMs + lagMs;
    if (atMs > nowMs || atMs >= resolveAt) break;
    updates.push({
      atMs,
      status: updates.length === 0 ? 'investigating' : 'identified',
      severity: step.severity,
    });
  }
  const last = updates[updates.length - 1];
  if (last === undefined) return undefined;
  const monitorAt = endMs === undefined ? Infinity : endMs + recoveryMs / 2;
  if (monitorAt > last.atMs && monitorAt < resolveAt && monitorAt <= nowMs) {
    updates.push({ atMs: monitorAt, status: 'monitoring', severity: last.severity });
  }
  const resolvedMs = resolveAt <= nowMs ? resolveAt : undefined;
  if (resolvedMs !== undefined) {
    updates.push({ atMs: resolvedMs, status: 'resolved', severity: last.severity });
  }
  const worst = updates.reduce<Severity>((w, u) => worse(w, u.severity) ?? w, last.severity);
  return { startedMs, updates, resolvedMs, worst };
}
