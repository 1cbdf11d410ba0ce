/**
 * The demo's answer time: every call the app makes waits 100 ms before it reaches the fake, as a
 * real API's answers take time. Without a floor, the demo's callers run as fast as the CPU lets
 * them, so their latency is only queueing: a busy machine (CI running other tests) tripled it, and
 * the engine rightly called that `provider/slow`. With it, the machine's load is a small part of
 * each call's time. It sits under instrumentFetch rather than in the fake (a `latency` fault, as it
 * once was) because the fake's status page shows any latency rule as `degraded_performance`, and
 * the page would then move nine minutes after the demo began instead of after the overload.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** How long each answer takes at least. */
export const ANSWER_TIME_MS = 100;

/** A fetch that waits `ms` (or until the call's signal aborts, rejecting as fetch would) first. */
export function answerTimeFetch(
  ms: number = ANSWER_TIME_MS,
  inner: typeof globalThis.fetch = globalThis.fetch,
): typeof globalThis.fetch {
  return async (input, init) => {
    const signal = init?.signal ?? undefined;
    await sleep(ms, undefined, signal === undefined ? {} : { signal });
    return inner(input, init);
  };
}
