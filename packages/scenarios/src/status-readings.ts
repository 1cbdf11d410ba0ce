/** Readings of a provider's status page, as a poller would record them (`"kind": "status"`). */
import type { ComponentStatus, StatusObservation } from '@faultline/core';

/** A status observation whose `ts` is epoch milliseconds. */
export type TimedStatus = StatusObservation & { ts: number };

/** A stretch of time during which the page showed a non-operational status. */
export interface StatusPeriod {
  readonly startMs: number;
  readonly endMs: number;
  readonly status: ComponentStatus;
  readonly incident: string;
}

/** What to poll and how often. */
export interface StatusPoll {
  readonly provider: string;
  readonly component: string;
  readonly fromMs: number;
  readonly toMs: number;
  readonly everyMs: number;
  readonly periods: readonly StatusPeriod[];
}

/** One reading every `everyMs`: the period's status while one is open, `operational` otherwise. */
export function statusReadings(poll: StatusPoll): TimedStatus[] {
  const readings: TimedStatus[] = [];
  for (let ts = poll.fromMs; ts < poll.toMs; ts += poll.everyMs) {
    const open = poll.periods.find((p) => ts >= p.startMs && ts < p.endMs);
    readings.push({
      kind: 'status',
      ts,
      provider: poll.provider,
      component: poll.component,
      status: open?.status ?? 'operational',
      ...(open === undefined ? {} : { incident: open.incident }),
    });
  }
  return readings;
}
