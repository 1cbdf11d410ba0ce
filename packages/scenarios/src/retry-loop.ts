/** Our own retry wrapper around an SDK: retries at once, many times, whatever the provider says. */
import { runAttempt } from './attempt.js';
import type { AttemptContext, Fault, TimedCall } from './fault.js';
import { createNoise } from './noise.js';
import { createRng } from './rng.js';
import type { TimeWindow } from './scenario-frame.js';
import type { AppProfile, ModelProfile, ProviderProfile } from './traffic-mix.js';

/** A job that sends requests through a retry wrapper of ours. */
export interface RetryLoopPlan extends TimeWindow {
  readonly seed: number;
  readonly app: AppProfile;
  readonly model: ModelProfile;
  readonly provider: ProviderProfile;
  /** The job's requests per second (before the day's shape: a batch job keeps its own pace). */
  readonly ratePerSec: number;
  /** Attempts per request, first included. */
  readonly maxAttempts: number;
  /** Wait before each retry, ignoring any `retry-after`. */
  readonly retryDelayMs: readonly [number, number];
  /** HTTP statuses the wrapper retries. */
  readonly retryOn: readonly number[];
  readonly faults: readonly Fault[];
}

/** Every attempt of the job, sorted by `ts`; its own seeded stream, apart from the apps' traffic. */
export function retryLoop(plan: RetryLoopPlan): TimedCall[] {
  const rng = createRng(plan.seed * 104_729 + 29);
  const noise = createNoise(rng);
  const out: TimedCall[] = [];
  const gapMs = (): number => -Math.log(1 - rng.next()) * (1000 / plan.ratePerSec);
  // Poisson arrivals at a steady rate: a batch job keeps its own pace, not the day's.
  for (let arrival = plan.startMs + gapMs(); arrival < plan.endMs; arrival += gapMs()) {
    let tsMs = arrival;
    const inputTokens = Math.round(rng.lognormal(plan.app.inputTokens, 0.6));
    for (let attempt = 1; attempt <= plan.maxAttempts && tsMs < plan.endMs; attempt++) {
      const ctx: AttemptContext = {
        tsMs,
        attempt,
        app: plan.app,
        model: plan.model,
        provider: plan.provider,
        stream: false,
        inputTokens,
      };
      const { record, durationMs } = runAttempt(ctx, plan.faults, noise, rng);
      out.push(record);
      if (!plan.retryOn.includes(record.http_status ?? 0)) break;
      tsMs += durationMs + rng.between(plan.retryDelayMs[0], plan.retryDelayMs[1]);
    }
  }
  return out.sort((a, b) => a.ts - b.ts);
}
