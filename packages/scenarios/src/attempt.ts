/** Runs one attempt through the faults in force and the background noise, and records it. */
import {
  faultApplies,
  type AttemptContext,
  type AttemptResult,
  type CorruptFault,
  type Fault,
  type TimedCall,
} from './fault.js';
import { timeoutFailure } from './failures.js';
import type { Noise } from './noise.js';
import type { Rng } from './rng.js';
import { drawTiming, successCall } from './success-call.js';

/**
 * Order of precedence: a fault's outright failure, then a noise failure, then the answer, which
 * our deadline may cut short (for a stream, the deadline covers the wait for the first token).
 */
export function runAttempt(
  ctx: AttemptContext,
  faults: readonly Fault[],
  noise: Noise,
  rng: Rng,
): AttemptResult {
  let slowFactor = 1;
  let timeoutMs = ctx.provider.timeoutMs;
  const active = faults.filter((fault) => faultApplies(fault, ctx));
  for (const fault of active) {
    if (fault.kind === 'slow') slowFactor *= fault.factor;
    else if (fault.kind === 'deadline') timeoutMs = fault.timeoutMs;
  }
  // The attempt's fresh record: builders below fill it in by assignment.
  const record: TimedCall = {
    ts: Math.floor(ctx.tsMs), // floor: an arrival just before `toMs` stays inside the frame
    provider: ctx.provider.id,
    model: ctx.model.id,
    app: ctx.app.id,
    source: 'sdk',
    server_address: ctx.provider.host,
    attempt: ctx.attempt,
    stream: ctx.stream,
    timeout_ms: timeoutMs,
  };
  for (const fault of active) {
    if (fault.kind === 'fail' && rng.chance(fault.share)) return fault.fail(record, ctx, rng);
  }
  const noisy = noise.failure(record, ctx);
  if (noisy !== undefined) return noisy;
  let corrupting: CorruptFault | undefined;
  for (const fault of active) {
    if (fault.kind === 'corrupt' && rng.chance(fault.share)) corrupting = fault;
  }
  const kind = corrupting === undefined ? noise.output(ctx) : 'ok';
  const timing = drawTiming(ctx, kind, slowFactor, rng);
  const waitedMs = ctx.stream ? timing.ttftMs : timing.durationMs;
  if (waitedMs > timeoutMs) return timeoutFailure(record, timeoutMs, rng);
  successCall(record, ctx, kind, timing, rng);
  corrupting?.corrupt(record, ctx, rng);
  // Answers with HTTP 200 are never retried by the SDKs, not even after a mid-stream error (§2.2).
  return { record, durationMs: record.duration_ms ?? timing.durationMs, retryable: false };
}
