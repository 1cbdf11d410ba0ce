/** A component's history bar: one UTC day per entry, the worst incident overlapping each day. */
import { incidentState, type IncidentFacts } from './incident-facts.js';
import type { ComponentState, DayLevel, HistoryDay } from './page-model.js';

/** How many days of history the page shows (issue 13). */
export const HISTORY_DAYS = 90;

export const DAY_MS = 86_400_000;

const LEVEL_OF: Readonly<Record<ComponentState, DayLevel>> = {
  operational: 'operational',
  degraded_performance: 'degraded',
  partial_outage: 'degraded',
  major_outage: 'outage',
};

const RANK: readonly DayLevel[] = ['operational', 'degraded', 'outage'];

/** The start (00:00 UTC) of the day `nowMs` falls in. */
export function dayStartMs(nowMs: number): number {
  return Math.floor(nowMs / DAY_MS) * DAY_MS;
}

/** The first instant the history covers: 00:00 UTC, `HISTORY_DAYS - 1` days before today. */
export function historyStartMs(nowMs: number): number {
  return dayStartMs(nowMs) - (HISTORY_DAYS - 1) * DAY_MS;
}

/**
 * `HISTORY_DAYS` days ending today: each day's level is the worst of the `incidents` (already
 * those covering the component) whose span `[started, ended]` overlaps it; an open one lasts to now.
 */
export function dayHistory(incidents: readonly IncidentFacts[], nowMs: number): HistoryDay[] {
  const first = historyStartMs(nowMs);
  const levels: DayLevel[] = Array.from({ length: HISTORY_DAYS }, () => 'operational');
  for (const i of incidents) {
    const level = LEVEL_OF[incidentState(i)];
    const end = Math.min(i.endedAtMs ?? nowMs, nowMs);
    const from = Math.max(0, Math.floor((i.startedAtMs - first) / DAY_MS));
    const to = Math.min(HISTORY_DAYS - 1, Math.floor((end - first) / DAY_MS));
    for (let d = from; d <= to; d++)
      if (RANK.indexOf(level) > RANK.indexOf(levels[d] ?? 'operational')) levels[d] = level;
  }
  return levels.map((level, d) => ({
    date: new Date(first + d * DAY_MS).toISOString().slice(0, 10),
    level,
  }));
}
