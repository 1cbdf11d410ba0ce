// Shared filters for the scenario library tests: calls only, time windows, a truth's scope.
import {
  classify,
  isStatusObservation,
  type CallRecord,
  type FaultlineRecord,
} from '@faultline/core';
import type { TruthIncident } from '../src/index.js';

/** A call with its epoch-ms time, as the generator writes them. */
export type Call = CallRecord & { ts: number };

/** True for a call (not a status observation) whose `ts` is epoch ms. */
function isTimedCall(r: FaultlineRecord): r is Call {
  return !isStatusObservation(r) && typeof r.ts === 'number';
}

/** The calls of a stream, status observations left out (no copies: streams are large). */
export function callsOf(records: readonly FaultlineRecord[]): Call[] {
  return records.filter(isTimedCall);
}

/** True when the call is to a provider and model the truth names. */
export function inScope(truth: TruthIncident, call: Call): boolean {
  return (
    (truth.provider === null || call.provider === truth.provider) &&
    truth.models.includes(call.model)
  );
}

/** True when the call started inside [startMs, endMs). */
export function inWindow(window: { startMs: number; endMs: number }, call: Call): boolean {
  return call.ts >= window.startMs && call.ts < window.endMs;
}

/** True when `classify` finds no failure. */
export function succeeded(call: Call): boolean {
  return classify(call).layer === 'none';
}

/** Share of `calls` that succeeded; 1 for none. */
export function successRate(calls: readonly Call[]): number {
  return calls.length === 0 ? 1 : calls.filter(succeeded).length / calls.length;
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
