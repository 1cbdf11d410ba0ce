/** A component's fault impact over time, as stretches of equal impact (pure). */
import type { FaultRule } from '../faults/index.js';
import type { FaultSnapshot } from './fault-history.js';
import { phaseSpans } from './phase-spans.js';
import { worse, worstTouching, type Severity } from './rule-severity.js';

/** From `startMs` to `endMs` the impact was `severity` (undefined: no fault touched it). */
export interface SeveritySegment {
  readonly startMs: number;
  readonly endMs: number;
  readonly severity: Severity | undefined;
  /** The running scenario's time scale then (1 with none): it scales the page's lags. */
  readonly timeScale: number;
}

/**
 * Replays `snapshots` (oldest first) between `fromMs` and `toMs`: admin rules hold from one
 * snapshot to the next, a scenario's rules follow its phases. Neighbours of equal impact merge.
 */
export function severitySegments(
  snapshots: readonly FaultSnapshot[],
  touches: (rule: FaultRule) => boolean,
  fromMs: number,
  toMs: number,
): SeveritySegment[] {
  const out: SeveritySegment[] = [];
  const push = (seg: SeveritySegment): void => {
    const last = out[out.length - 1];
    if (last !== undefined && last.severity === seg.severity && last.endMs === seg.startMs) {
      out[out.length - 1] = { ...last, endMs: seg.endMs };
    } else if (seg.endMs > seg.startMs) out.push(seg);
  };
  snapshots.forEach((snap, i) => {
    const startMs = Math.max(snap.atMs, fromMs);
    const endMs = Math.min(snapshots[i + 1]?.atMs ?? toMs, toMs);
    if (startMs >= endMs) return;
    const admin = worstTouching(snap.admin, touches);
    const run = snap.scenario;
    if (run === undefined) return push({ startMs, endMs, severity: admin, timeScale: 1 });
    const timeScale = run.scenario.timeScale;
    for (const span of phaseSpans(run, startMs, endMs)) {
      const phase =
        span.phase === undefined ? undefined : worstTouching(span.phase.faults, touches);
      push({ startMs: span.startMs, endMs: span.endMs, severity: worse(admin, phase), timeScale });
    }
  });
  return out;
}
