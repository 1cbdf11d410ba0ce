/** A sink that restamps each record in replay time before passing it on. */
import type { CallRecord } from '@faultline/core';
import type { RecordSink } from '@faultline/sdk';

/**
 * Wraps `sink` so each record's `ts` (when the call started, on the wall clock) becomes the record
 * time `toReplayMs` gives for it: the demo's twelve minutes of traffic take under one.
 */
export function replayTimeSink(
  sink: RecordSink,
  toReplayMs: (wallMs: number) => number,
): RecordSink {
  return {
    write(record: CallRecord): void {
      const wallMs = typeof record.ts === 'string' ? Date.parse(record.ts) : record.ts;
      sink.write({ ...record, ts: new Date(toReplayMs(wallMs)).toISOString() });
    },
  };
}
