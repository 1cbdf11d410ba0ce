/**
 * Polls one status page: conditional GET, interval with jitter, backoff on failure; emits status
 * observations when a component changes and the source's state when it changes. Its timer is
 * unref'd and a tick never rejects (OpenTelemetry's PeriodicExportingMetricReader pattern).
 */
import type { StatusObservation } from '@faultline/core';
import { ChangeTracker } from './change-tracker.js';
import { createStatusSource } from './create-status-source.js';
import { pollDelayMs } from './poll-delay.js';
import type { PollOutcome, SourceState } from './source-state.js';
import type { StatusPageEntry, StatusSource, Validators } from './status-source.js';

/** Schedules `fn` after `ms`; returns a cancel function. */
export type SetTimer = (fn: () => void, ms: number) => () => void;

/** What a poller needs. */
export interface StatusPollerOptions {
  readonly source: StatusPageEntry;
  readonly fetch: typeof globalThis.fetch;
  readonly now: () => number;
  readonly setTimer?: SetTimer;
  /** In [0, 1); jitter. */
  readonly random?: () => number;
  readonly onObservations: (observations: readonly StatusObservation[]) => void;
  readonly onSourceState: (state: SourceState) => void;
  readonly onPoll?: (outcome: PollOutcome) => void;
  /** A listener threw; the poller goes on. */
  readonly onError?: (error: unknown) => void;
  readonly timeoutMs?: number;
  readonly maxBodyBytes?: number;
  readonly maxBackoffMs?: number;
  readonly userAgent?: string;
  /** Replaces the source built from `source` (tests, other transports). */
  readonly statusSource?: StatusSource;
}

/** A running poller. */
export interface StatusPoller {
  /**
   * Takes the provider's last stored observation per component (call before `start`): after a
   * restart, unchanged components are not emitted again and keep their `first_seen`.
   */
  seed(stored: readonly StatusObservation[]): void;
  /** Schedules the first poll within the first tenth of `every`. */
  start(): void;
  /** Polls now (joins a poll in flight); resolves when it is done. Never rejects. */
  pollNow(): Promise<void>;
  state(): SourceState;
  /** Stops the timer and aborts a poll in flight. */
  shutdown(): Promise<void>;
}

const unrefTimer: SetTimer = (fn, ms) => {
  const t = setTimeout(fn, ms);
  t.unref();
  return () => clearTimeout(t);
};

/**
 * A poller for one `status_pages` entry.
 * @example
 * const poller = createStatusPoller({ source: config.status_pages[0], fetch, now: Date.now,
 *   onObservations: (o) => save(o), onSourceState: (s) => log(s) });
 * poller.start();
 */
export function createStatusPoller(o: StatusPollerOptions): StatusPoller {
  const source =
    o.statusSource ??
    createStatusSource({
      entry: o.source,
      fetch: o.fetch,
      now: o.now,
      ...(o.timeoutMs === undefined ? {} : { timeoutMs: o.timeoutMs }),
      ...(o.maxBodyBytes === undefined ? {} : { maxBodyBytes: o.maxBodyBytes }),
      ...(o.userAgent === undefined ? {} : { userAgent: o.userAgent }),
    });
  const setTimer = o.setTimer ?? unrefTimer;
  const random = o.random ?? Math.random;
  const tracker = new ChangeTracker(o.source);
  const abort = new AbortController();
  let validators: Validators = {};
  let state: SourceState = {
    provider: o.source.provider,
    kind: o.source.kind,
    endpoint: source.endpoint,
    state: 'pending',
    sinceMs: o.now(),
    lastOkMs: null,
    failures: 0,
  };
  let cancel: (() => void) | undefined;
  let inFlight: Promise<void> | undefined;
  let started = false;

  const safe = (fn: () => void): void => {
    try {
      fn();
    } catch (e: unknown) {
      o.onError?.(e);
    }
  };
  const schedule = (ms: number): void => {
    cancel?.();
    if (started && !abort.signal.aborted) cancel = setTimer(() => void poll(), ms);
  };
  const setState = (
    next: Omit<SourceState, 'provider' | 'kind' | 'endpoint' | 'sinceMs'>,
    nowMs: number,
  ): void => {
    const moved = next.state !== state.state || next.reason !== state.reason;
    state = {
      provider: state.provider,
      kind: state.kind,
      endpoint: state.endpoint,
      ...next,
      sinceMs: moved ? nowMs : state.sinceMs,
    };
    if (moved) safe(() => o.onSourceState(state));
  };

  const once = async (): Promise<void> => {
    const result = await source.read(validators, abort.signal);
    if (abort.signal.aborted) return;
    const nowMs = o.now();
    let outcome: PollOutcome['outcome'] = 'not_modified';
    let bytes = 0;
    let count = 0;
    if (result.kind === 'unknown') {
      const failures = state.failures + 1;
      setState(
        {
          state: 'unknown',
          reason: result.reason,
          detail: result.detail,
          lastOkMs: state.lastOkMs,
          failures,
        },
        nowMs,
      );
      outcome = 'unknown';
    } else {
      if (result.kind === 'read') {
        validators = result.validators;
        bytes = result.bytes;
        const observations = tracker.observe(result.readings, nowMs, result.complete);
        count = observations.length;
        outcome = count > 0 ? 'changed' : 'unchanged';
        if (count > 0) safe(() => o.onObservations(observations));
      }
      setState({ state: 'ok', lastOkMs: nowMs, failures: 0 }, nowMs);
    }
    const nextDelayMs = pollDelayMs({
      everyMs: o.source.every,
      failures: state.failures,
      random: random(),
      ...(o.maxBackoffMs === undefined ? {} : { maxBackoffMs: o.maxBackoffMs }),
    });
    const reason = result.kind === 'unknown' ? { reason: result.reason } : {};
    safe(() =>
      o.onPoll?.({
        provider: state.provider,
        outcome,
        ...reason,
        bytes,
        observations: count,
        nextDelayMs,
      }),
    );
    schedule(nextDelayMs);
  };

  const poll = (): Promise<void> =>
    (inFlight ??= once()
      .catch((e: unknown) => o.onError?.(e))
      .finally(() => {
        inFlight = undefined;
      }));

  return {
    seed: (stored) => tracker.seed(stored),
    start() {
      if (started) return;
      started = true;
      schedule(Math.round(random() * o.source.every * 0.1));
    },
    pollNow: poll,
    state: () => state,
    async shutdown() {
      started = false;
      cancel?.();
      abort.abort();
      await inFlight;
    },
  };
}
