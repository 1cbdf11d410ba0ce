// Re-stamps a generated scenario to start now and sends each record when its time comes, in 1 s batches.
import {
  isStatusObservation,
  parseTimestamp,
  type CallRecord,
  type FaultlineRecord,
} from '@faultline/core';
import type { GeneratedScenario } from '@faultline/scenarios';
import { createHttpBatchSink } from '@faultline/sdk';

/** A scenario's call records moved so that the scenario starts at `startMs`, times as RFC 3339. */
export function restamp(scenario: GeneratedScenario, startMs: number): CallRecord[] {
  const calls: CallRecord[] = [];
  for (const r of scenario.records as readonly FaultlineRecord[]) {
    // The chosen scenarios are SDK traffic only; a status reading would not go through the SDK.
    if (isStatusObservation(r)) throw new Error(`${scenario.name} holds status observations`);
    const ms = Number(r.ts) - scenario.fromMs + startMs;
    calls.push({ ...r, ts: new Date(ms).toISOString() });
  }
  return calls;
}

export interface StreamOptions {
  readonly url: string;
  readonly token: string;
  /** Records sorted by time, already re-stamped. */
  readonly records: readonly CallRecord[];
  /** Stops sending once this returns `true` (checked while waiting); the rest is not sent. */
  readonly stopWhen?: () => boolean;
}

/** What was sent: the records the server acknowledged, in sending order. */
export interface Streamed {
  readonly sent: readonly CallRecord[];
  readonly dropped: number;
}

/**
 * Writes each record into the SDK's HTTP batch sink once the wall clock reaches its `ts`; the sink
 * posts what it holds every second (its default interval), as an app's traffic would reach the server.
 */
export async function streamInRealTime(opts: StreamOptions): Promise<Streamed> {
  const errors: unknown[] = [];
  const sink = createHttpBatchSink({
    url: opts.url,
    token: opts.token,
    intervalMs: 1000,
    onError: (e) => errors.push(e),
  });
  const sent: CallRecord[] = [];
  for (const r of opts.records) {
    const dueMs = parseTimestamp(r.ts) ?? 0;
    while (Date.now() < dueMs) {
      if (opts.stopWhen?.() === true) return finish();
      await sleep(Math.min(250, dueMs - Date.now()));
    }
    sink.write(r);
    sent.push(r);
  }
  return finish();

  async function finish(): Promise<Streamed> {
    await sink.shutdown();
    if (errors.length > 0) throw new Error(`the sink reported: ${String(errors[0])}`);
    return { sent, dropped: sink.dropped };
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));
