/** What the incident charts mark on their shared time axis: the incident's times, the status page, events. */
import type { IncidentSeries } from './incident-series.js';

/** A vertical line: `incident` (started/detected/resolved), `page` (a status-page change first seen),
 * `claim` (when the page says it began), `event` (a breaker change, or a breaker or failover event). */
export interface TimeMark {
  readonly atMs: number;
  readonly label: string;
  readonly style: 'incident' | 'page' | 'claim' | 'event';
}

/** What the marks need of an incident (`GET /v1/incidents/{id}`). */
export interface MarkedIncident {
  readonly provider: string | null;
  readonly started_at: string;
  readonly detected_at: string;
  readonly resolved_at: string | null;
  readonly events: readonly { readonly kind: string; readonly at: string }[];
  /** Absent in a report file. */
  readonly breakers?: readonly {
    readonly at: string;
    readonly target: string;
    readonly from: string;
    readonly to: string;
  }[];
}

/** Event kinds drawn on the charts as well as listed: breaker changes and failovers, when present. */
function isActionEvent(kind: string): boolean {
  return kind.startsWith('breaker') || kind.includes('failover');
}

/** The marks of an incident within the series' window, in time order. */
export function incidentMarks(d: MarkedIncident, s: IncidentSeries): TimeMark[] {
  const marks: TimeMark[] = [
    { atMs: Date.parse(d.started_at), label: 'started', style: 'incident' },
    { atMs: Date.parse(d.detected_at), label: 'detected', style: 'incident' },
  ];
  if (d.resolved_at !== null)
    marks.push({ atMs: Date.parse(d.resolved_at), label: 'resolved', style: 'incident' });
  for (const c of s.status) {
    if (d.provider !== null && c.provider !== d.provider) continue;
    marks.push({ atMs: c.seenMs, label: `page: ${c.status}`, style: 'page' });
    if (c.claimedMs !== null)
      marks.push({ atMs: c.claimedMs, label: 'page claims start', style: 'claim' });
  }
  for (const e of d.events)
    if (isActionEvent(e.kind))
      marks.push({ atMs: Date.parse(e.at), label: e.kind, style: 'event' });
  // A breaker taken out or given back; its trial steps in between are in the timeline only.
  for (const b of d.breakers ?? [])
    if (b.from === 'closed' || b.to === 'closed')
      marks.push({ atMs: Date.parse(b.at), label: `breaker ${b.target}: ${b.to}`, style: 'event' });
  return marks
    .filter((m) => m.atMs >= s.fromMs && m.atMs <= s.toMs)
    .sort((a, b) => a.atMs - b.atMs);
}
