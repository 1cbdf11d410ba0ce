/**
 * Where Faultline's own faults go (a sink, check or error handler that throws or rejects): the
 * user's `onError`, else the `faultline:sdk:error` diagnostics channel. Never to the app, and never
 * as an unhandled rejection (which would end the host process).
 */
import { channel, type Channel } from 'node:diagnostics_channel';

/** The diagnostics channel that receives `{ error }` for each own fault when there is no `onError`. */
export const FAULT_CHANNEL = 'faultline:sdk:error';

let faults: Channel | undefined;

function publish(error: unknown): void {
  try {
    faults ??= channel(FAULT_CHANNEL);
    if (faults.hasSubscribers) faults.publish({ error });
  } catch {
    // a failing subscriber has nowhere left to go
  }
}

/** True for promises and other thenables, whose rejection must be caught. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Catches the rejection of `value` if it is a thenable, reporting it; returns `value`. */
export function catchRejection<T>(value: T, report: (error: unknown) => void): T {
  if (isThenable(value)) {
    try {
      value.then(undefined, report);
    } catch (e: unknown) {
      report(e);
    }
  }
  return value;
}

/**
 * A reporter that hands each own fault to `onError`, or to the diagnostics channel when there is
 * none or when `onError` itself throws or rejects. It never throws.
 */
export function faultReporter(onError?: (error: unknown) => void): (error: unknown) => void {
  if (onError === undefined) return publish;
  return (error: unknown): void => {
    try {
      const result: unknown = onError(error);
      catchRejection(result, publish);
    } catch (e: unknown) {
      publish(e);
    }
  };
}
