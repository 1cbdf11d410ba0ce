/** The status page's lag in words: when it moved, against our first failures and our detection. */
import type { StatusChange } from './incident-points.js';

/** Minutes (or seconds, under two minutes) in words. */
export function duration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  return s < 120 ? `${s} s` : `${Math.round(s / 60)} min`;
}

function relative(ms: number, what: string): string {
  if (Math.abs(ms) < 1000) return `at ${what}`;
  return ms > 0 ? `${duration(ms)} after ${what}` : `${duration(ms)} before ${what}`;
}

function hhmm(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 16)} UTC`;
}

/** The times the sentence measures from. */
export interface LagTimes {
  readonly startedMs: number;
  readonly detectedMs: number;
  /** Provider of the incident; `null` (global) takes any page. */
  readonly provider: string | null;
}

/** The page's first move off `operational` at or after the incident's start, if any. */
export function firstMove(changes: readonly StatusChange[], t: LagTimes): StatusChange | undefined {
  return changes.find(
    (c) =>
      c.status !== 'operational' &&
      c.seenMs >= t.startedMs &&
      (t.provider === null || c.provider === t.provider),
  );
}

/**
 * E.g. "Status page moved to partial_outage 9 min after detection (9 min after our first failures);
 * it claims the problem began at 16:58 UTC."
 */
export function lagSentence(changes: readonly StatusChange[], t: LagTimes): string {
  const move = firstMove(changes, t);
  if (move === undefined) return 'The status page did not move off operational in this window.';
  const claim =
    move.claimedMs === null ? '' : `; it claims the problem began at ${hhmm(move.claimedMs)}`;
  return (
    `Status page moved to ${move.status} ${relative(move.seenMs - t.detectedMs, 'detection')} ` +
    `(${relative(move.seenMs - t.startedMs, 'our first failures')})${claim}.`
  );
}
