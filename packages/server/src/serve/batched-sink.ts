/**
 * A sink that gathers records made inside the service (the gateway's attempts) and commits them
 * in batches, so a busy gateway costs one store transaction per batch rather than per request.
 */
import type { CallRecord, FaultlineRecord } from '@faultline/core';

export interface BatchedSink {
  readonly sink: (record: CallRecord) => void;
  /** Commits what is gathered; resolves when it is stored (or failed and was logged). */
  flush(): Promise<void>;
}

export function batchedSink(
  commit: (records: readonly FaultlineRecord[]) => Promise<void>,
  onError: (error: unknown) => void,
  { maxRecords = 500, maxWaitMs = 100 } = {},
): BatchedSink {
  let pending: CallRecord[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return last;
    const batch = pending;
    pending = [];
    last = last.then(() => commit(batch)).catch(onError);
    return last;
  };
  return {
    sink(record) {
      pending.push(record);
      if (pending.length >= maxRecords) void flush();
      else if (timer === undefined) {
        timer = setTimeout(() => void flush(), maxWaitMs);
        timer.unref();
      }
    },
    flush,
  };
}
