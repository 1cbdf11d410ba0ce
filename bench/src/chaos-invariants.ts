/**
 * What must hold after a chaos run, each as a named check with what was seen: nothing
 * acknowledged lost, nothing stored or counted twice, one incident detected, notified and
 * resolved once, every takeover within the limit, 503 with Retry-After while cut, no crash.
 */
import type { CutProbes, FaultRecord } from './chaos-events.js';
import type { OfflineIncident } from './chaos-offline.js';
import type { RecordAudit, StoredIncident } from './chaos-store.js';
import type { Delivery } from './chaos-webhooks.js';
import { duplicateDeliveries } from './chaos-webhooks.js';

export interface Invariant {
  readonly name: string;
  readonly ok: boolean;
  readonly seen: string;
}

export interface RunFacts {
  readonly audit: RecordAudit;
  readonly rejectedLines: number;
  readonly live: readonly StoredIncident[];
  readonly offline: readonly OfflineIncident[];
  readonly deliveries: readonly Delivery[];
  readonly refusedDeliveries: number;
  readonly faults: readonly FaultRecord[];
  readonly cut: CutProbes;
  readonly unexpectedExits: number;
  readonly takeoverLimitMs: number;
}

/** Live affected calls above the offline count: records the live engine counted twice. */
export function doubleCounted(f: RunFacts): number {
  const live = f.live[0]?.doc.affected_calls ?? 0;
  const offline = f.offline[0]?.affected_calls ?? 0;
  return f.live.length === 1 && f.offline.length === 1 ? Math.max(0, live - offline) : NaN;
}

const check = (name: string, ok: boolean, seen: string): Invariant => ({ name, ok, seen });

function takeoverChecks(f: RunFacts): Invariant[] {
  return f.faults
    .filter((x) => x.kind !== 'cut' || x.wasLeader)
    .map((x, i) => {
      const ms = x.takeoverMs === undefined ? undefined : x.takeoverMs - x.atMs;
      const seen = ms === undefined ? 'no new leader within 30 s' : `${(ms / 1000).toFixed(1)} s`;
      const ok = ms !== undefined && ms <= f.takeoverLimitMs;
      return check(`takeover ${i + 1} (${x.kind}) within ${f.takeoverLimitMs / 1000} s`, ok, seen);
    });
}

export function invariants(f: RunFacts): Invariant[] {
  const only = f.live[0];
  const events = only?.events ?? [];
  const count = (type: string): number => f.deliveries.filter((d) => d.type === type).length;
  const doubled = doubleCounted(f);
  return [
    check('acknowledged records lost = 0', f.audit.ackedLost === 0, String(f.audit.ackedLost)),
    check('records stored twice = 0', f.audit.storedTwice === 0, String(f.audit.storedTwice)),
    check('rejected lines = 0', f.rejectedLines === 0, String(f.rejectedLines)),
    check('exactly one incident (live)', f.live.length === 1, String(f.live.length)),
    check('exactly one incident (offline)', f.offline.length === 1, String(f.offline.length)),
    check('the incident resolved', only?.state === 'resolved', only?.state ?? 'none'),
    check(
      'opened once, resolved once, never reopened',
      events.filter((e) => e === 'opened').length === 1 &&
        events.filter((e) => e === 'resolved').length === 1 &&
        !events.includes('reopened'),
      events.join(',') || 'no events',
    ),
    check('records double-counted by the engine = 0', doubled === 0, String(doubled)),
    check(
      'notified: opened once, resolved once',
      count('incident.opened') === 1 && count('incident.resolved') === 1,
      `opened ${count('incident.opened')}, resolved ${count('incident.resolved')}`,
    ),
    check(
      'duplicate notifications = 0',
      duplicateDeliveries(f.deliveries) === 0,
      String(duplicateDeliveries(f.deliveries)),
    ),
    check('badly signed deliveries = 0', f.refusedDeliveries === 0, String(f.refusedDeliveries)),
    ...takeoverChecks(f),
    check(
      'cut replica answered 503 with Retry-After',
      f.cut.answered503WithRetryAfter > 0 && f.cut.wrong.length === 0,
      `${f.cut.answered503WithRetryAfter} × 503+Retry-After; other: ${f.cut.wrong.slice(0, 3).join('; ') || 'none'}`,
    ),
    check(
      'cut replica took records again after the restore',
      f.cut.recoveredAfterMs !== undefined,
      f.cut.recoveredAfterMs === undefined ? 'not within 30 s' : `${f.cut.recoveredAfterMs} ms`,
    ),
    check('replica crashes = 0', f.unexpectedExits === 0, String(f.unexpectedExits)),
  ];
}
