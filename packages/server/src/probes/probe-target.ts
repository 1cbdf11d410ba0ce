/**
 * One configured probe on its timer: a call every `every` ± 10%, one at a time, rotating through
 * its golden canaries, and left alone while the provider says its rate limit is spent.
 */
import type { ProbeAsk, ProbeCall } from './probe-call.js';
import { firstDelayMs, nextDelayMs, JITTER_SHARE } from './probe-schedule.js';
import type { ProbeTimers } from './probe-timers.js';

/** One ask of a target with the caller that makes it (built on first use). */
export interface TargetAsk {
  readonly ask: ProbeAsk;
  readonly call: () => Promise<ProbeCall>;
}

/** What a target runs on. */
export interface TargetDeps {
  readonly everyMs: number;
  readonly asks: readonly TargetAsk[];
  readonly now: () => number;
  readonly timers: ProbeTimers;
  readonly random: () => number;
  readonly onPause: (untilMs: number, status: number) => void;
  readonly onError: (error: unknown) => void;
}

/** A target's counters, for logs, `/metrics` and tests. */
export interface TargetCounters {
  /** Calls started. */
  readonly calls: number;
  /** Rounds not called because the previous call was still running. */
  readonly skipped: number;
  /** Times the target was paused for its rate limit. */
  readonly pauses: number;
  /** While paused: until when (epoch ms). */
  readonly pausedUntilMs: number | undefined;
  /** A call is in flight. */
  readonly busy: boolean;
}

/** The loop of one probe. */
export class ProbeTarget {
  #timer: unknown;
  #stopped = false;
  #round = 0;
  #controller: AbortController | undefined;
  #inFlight: Promise<void> | undefined;
  #counters = { calls: 0, skipped: 0, pauses: 0, pausedUntilMs: undefined as number | undefined };

  constructor(private readonly d: TargetDeps) {}

  /** Schedules the first call somewhere in the first interval. */
  start(): void {
    this.#schedule(firstDelayMs(this.d.everyMs, this.d.random));
  }

  /** What the target has done so far. */
  counters(): TargetCounters {
    return { ...this.#counters, busy: this.#inFlight !== undefined };
  }

  /** Told of each of its answers' status and rate-limit headers (by the watching fetch). */
  paused(untilMs: number, status: number): void {
    const waitMs = untilMs - this.d.now();
    if (this.#stopped || waitMs <= 0) return;
    this.#counters.pausedUntilMs = untilMs;
    this.#counters.pauses++;
    this.d.onPause(untilMs, status);
    // Resume just after the reset, spread a little so every caller does not return at once.
    this.#schedule(waitMs + Math.round(this.d.everyMs * JITTER_SHARE * this.d.random()));
  }

  /** Clears the timer and aborts the call in flight; resolves once it has settled. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.d.timers.clearTimeout(this.#timer);
    this.#controller?.abort();
    await this.#inFlight;
  }

  #schedule(ms: number): void {
    this.d.timers.clearTimeout(this.#timer);
    this.#timer = this.d.timers.setTimeout(() => this.#tick(), ms);
  }

  #tick(): void {
    if (this.#stopped) return;
    this.#schedule(nextDelayMs(this.d.everyMs, this.d.random));
    const until = this.#counters.pausedUntilMs;
    if (until !== undefined && this.d.now() < until) return;
    this.#counters.pausedUntilMs = undefined;
    if (this.#inFlight !== undefined) {
      this.#counters.skipped++;
      return;
    }
    const { ask, call } = this.d.asks[this.#round++ % this.d.asks.length]!;
    const controller = new AbortController();
    this.#controller = controller;
    this.#counters.calls++;
    this.#inFlight = call()
      .then(
        // A failed call is data, already in its record: nothing to do with the SDK's error.
        (run) => run(ask, controller.signal).catch(() => undefined),
        (e: unknown) => this.d.onError(e),
      )
      .finally(() => {
        this.#inFlight = undefined;
        this.#controller = undefined;
      });
  }
}
