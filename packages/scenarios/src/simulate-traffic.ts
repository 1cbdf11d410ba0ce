/** The traffic loop: arrivals, one request each, SDK retries, every attempt a record. */
import { runAttempt } from './attempt.js';
import { nextArrivalMs } from './diurnal.js';
import type { AttemptContext, Fault, TimedCall } from './fault.js';
import { createNoise } from './noise.js';
import { createRng, type Rng } from './rng.js';
import { APP_WEIGHTS, MODEL_WEIGHTS, PROVIDERS } from './traffic-mix.js';

/** Both Stainless SDKs default to 2 retries, 3 attempts in all (error-taxonomy.md §2.2). */
const MAX_ATTEMPTS = 3;

/** What to simulate: the seeded traffic of one time range, with the faults in force. */
export interface TrafficPlan {
  readonly seed: number;
  readonly fromMs: number;
  readonly toMs: number;
  /** Mean over a day; the actual rate follows `diurnalFactor`. */
  readonly ratePerSec: number;
  readonly faults: readonly Fault[];
}

/** SDK backoff before attempt `attempt + 1`: 0.5–1 s, then 1–2 s. */
function backoffMs(attempt: number, rng: Rng): number {
  return attempt === 1 ? rng.between(500, 1_000) : rng.between(1_000, 2_000);
}

/** Generates every attempt's record, sorted by `ts`. Pure: the same plan gives the same records. */
export function simulateTraffic(plan: TrafficPlan): TimedCall[] {
  const rng = createRng(plan.seed);
  const noise = createNoise(rng);
  const records: TimedCall[] = [];
  for (
    let arrival = nextArrivalMs(plan.fromMs, plan.ratePerSec, rng);
    arrival < plan.toMs;
    arrival = nextArrivalMs(arrival, plan.ratePerSec, rng)
  ) {
    const app = rng.weighted(APP_WEIGHTS);
    const model = rng.weighted(MODEL_WEIGHTS);
    const provider = PROVIDERS[model.provider];
    const stream = rng.chance(app.streamShare);
    const drawnTokens = rng.lognormal(app.inputTokens, 0.6);
    const inputTokens = Math.round(Math.min(120_000, Math.max(50, drawnTokens)));
    let tsMs = arrival;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      // A literal, not a spread of the request: this runs for every attempt.
      const ctx: AttemptContext = { tsMs, attempt, app, model, provider, stream, inputTokens };
      const result = runAttempt(ctx, plan.faults, noise, rng);
      records.push(result.record);
      if (!result.retryable) break;
      tsMs += result.durationMs + (result.retryAfterMs ?? backoffMs(attempt, rng));
      if (tsMs >= plan.toMs) break;
    }
  }
  return records.sort((a, b) => a.ts - b.ts);
}
