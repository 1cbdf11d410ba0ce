/** Small constructors for the faults scenarios inject, and the matchers that aim them. */
import type {
  AttemptContext,
  AttemptResult,
  CorruptFault,
  DeadlineFault,
  FailFault,
  SlowFault,
  TimedCall,
} from './fault.js';
import { httpFailure, networkFailure } from './failures.js';
import type { HttpErrorSpec } from './provider-errors.js';
import type { Rng } from './rng.js';
import type { TimeWindow } from './scenario-frame.js';
import type { ProviderProfile } from './traffic-mix.js';

/** Selects the attempts a fault can touch. */
export type Matcher = (ctx: AttemptContext) => boolean;
/** Builds a failed attempt. */
export type Failer = (record: TimedCall, ctx: AttemptContext, rng: Rng) => AttemptResult;

/** Every attempt. */
export const everywhere: Matcher = () => true;
/** Attempts to one provider. */
export const onProvider =
  (provider: ProviderProfile['id']): Matcher =>
  (ctx) =>
    ctx.provider.id === provider;
/** Attempts to any of these models. */
export const onModels =
  (...models: string[]): Matcher =>
  (ctx) =>
    models.includes(ctx.model.id);
/** Attempts from one app. */
export const onApp =
  (app: string): Matcher =>
  (ctx) =>
    ctx.app.id === app;

/** `share` of matching attempts fail as `fail` says. */
export function failing(
  window: TimeWindow,
  matches: Matcher,
  share: number,
  fail: Failer,
): FailFault {
  return { kind: 'fail', ...window, matches, share, fail };
}

/** Answers with one of these provider errors, by weight. */
export function respondWith(...specs: (readonly [HttpErrorSpec, number])[]): Failer {
  return (record, ctx, rng) => httpFailure(rng.weighted(specs), record, ctx, rng);
}

/** Answers with each provider's own error for the same fault. */
export function respondPerProvider(
  specs: Readonly<Record<ProviderProfile['id'], HttpErrorSpec>>,
): Failer {
  return (record, ctx, rng) => httpFailure(specs[ctx.provider.id], record, ctx, rng);
}

/** No response: one of these transport codes, by weight. */
export function dropWith(...codes: (readonly [string, number])[]): Failer {
  return (record, _ctx, rng) => networkFailure(rng.weighted(codes), record, rng);
}

/** `share` of matching answers arrive with HTTP 200 and are then broken by `corrupt`. */
export function corrupting(
  window: TimeWindow,
  matches: Matcher,
  share: number,
  corrupt: CorruptFault['corrupt'],
): CorruptFault {
  return { kind: 'corrupt', ...window, matches, share, corrupt };
}

/** Matching attempts are `factor` times slower. */
export function slowing(window: TimeWindow, matches: Matcher, factor: number): SlowFault {
  return { kind: 'slow', ...window, matches, factor };
}

/** Matching attempts run under client deadline `timeoutMs`. */
export function deadline(window: TimeWindow, matches: Matcher, timeoutMs: number): DeadlineFault {
  return { kind: 'deadline', ...window, matches, timeoutMs };
}
