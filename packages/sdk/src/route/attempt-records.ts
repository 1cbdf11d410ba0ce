/**
 * Ties the records an instrumented SDK writes to the router attempt that caused them. Each
 * attempt runs in its own AsyncLocalStorage context; the router's sink, placed in front of the
 * app's own, files each record under the attempt whose async context wrote it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { CallRecord } from '@faultline/core';
import type { RecordSink } from '../sinks/sink.js';

/** The records one attempt produced (SDK retries make several). */
export interface AttemptRecords {
  readonly records: CallRecord[];
}

const current = new AsyncLocalStorage<AttemptRecords>();

/** Runs `f` as `attempt`: records written inside it (and its async continuations) go there. */
export function runAttempt<T>(attempt: AttemptRecords, f: () => T): T {
  return current.run(attempt, f);
}

/** A sink that files records under the current attempt, then passes them to `inner` untouched. */
export function attemptSink(inner?: RecordSink): RecordSink {
  return {
    write(record) {
      current.getStore()?.records.push(record);
      inner?.write(record);
    },
  };
}
