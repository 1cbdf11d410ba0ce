/** What a scenario injects into the traffic: failures, bad 200s, slowdowns and deadline changes. */
import type { CallRecord } from '@faultline/core';
import type { Rng } from './rng.js';
import type { AppProfile, ModelProfile, ProviderProfile } from './traffic-mix.js';

/** A call record whose `ts` is epoch milliseconds, as the generator writes them. */
export type TimedCall = CallRecord & { ts: number };

/** One attempt about to be made by an app's SDK. */
export interface AttemptContext {
  readonly tsMs: number;
  readonly attempt: number;
  readonly app: AppProfile;
  readonly model: ModelProfile;
  readonly provider: ProviderProfile;
  readonly stream: boolean;
  readonly inputTokens: number;
}

/** The outcome of one attempt: the record, how long it took, and whether the SDK retries it. */
export interface AttemptResult {
  readonly record: TimedCall;
  readonly durationMs: number;
  readonly retryable: boolean;
  /** From a `retry-after(-ms)` header: the SDK waits this long instead of its own backoff. */
  readonly retryAfterMs?: number;
}

interface FaultWindow {
  readonly startMs: number;
  readonly endMs: number;
  /** Which attempts the fault can touch (provider, model, app, stream...). */
  matches(ctx: AttemptContext): boolean;
}

/** The attempt fails outright (HTTP error, network error) for `share` of matching attempts. */
export interface FailFault extends FaultWindow {
  readonly kind: 'fail';
  readonly share: number;
  /** Fills in `record`, the fresh record of this attempt (its common fields already set). */
  fail(record: TimedCall, ctx: AttemptContext, rng: Rng): AttemptResult;
}

/** The attempt gets HTTP 200 but `corrupt` breaks it (stream error event, bad output). */
export interface CorruptFault extends FaultWindow {
  readonly kind: 'corrupt';
  readonly share: number;
  /** Changes `answer`, the fresh record of this attempt, in place, and returns it. */
  corrupt(answer: TimedCall, ctx: AttemptContext, rng: Rng): TimedCall;
}

/** Every matching attempt is `factor` times slower (time to first token and generation). */
export interface SlowFault extends FaultWindow {
  readonly kind: 'slow';
  readonly factor: number;
}

/** Every matching attempt runs under a different client deadline (our configuration). */
export interface DeadlineFault extends FaultWindow {
  readonly kind: 'deadline';
  readonly timeoutMs: number;
}

/** A change to the traffic during a window. */
export type Fault = FailFault | CorruptFault | SlowFault | DeadlineFault;

/** True when `fault` is in force for `ctx` (window is start-inclusive, end-exclusive). */
export function faultApplies(fault: Fault, ctx: AttemptContext): boolean {
  return ctx.tsMs >= fault.startMs && ctx.tsMs < fault.endMs && fault.matches(ctx);
}
