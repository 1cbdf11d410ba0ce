/** The server's synthetic probes: one small known-answer call per model every few seconds. */
import { runAttempt } from './attempt.js';
import type { AttemptContext, Fault, TimedCall } from './fault.js';
import type { Matcher } from './fault-builders.js';
import { httpFailure, networkFailure } from './failures.js';
import type { Noise } from './noise.js';
import * as E from './provider-errors.js';
import { createRng } from './rng.js';
import { MODELS, PROVIDERS, type AppProfile, type ProviderProfile } from './traffic-mix.js';

/** What a probe asks for: a short known-answer prompt, a few tokens back, never streamed. */
export const PROBE_APP: AppProfile = {
  id: 'faultline-probe',
  weight: 0,
  streamShare: 0,
  maxTokens: 16,
  inputTokens: 40,
  jsonChecks: false,
};

/** Attempts by the apps' SDKs, not by the server's probes. */
export const fromApps: Matcher = (ctx) => ctx.app.id !== PROBE_APP.id;
/** Attempts by the server's probes. */
export const fromProbes: Matcher = (ctx) => ctx.app.id === PROBE_APP.id;

/** When and how to probe: the same faults as the apps' traffic, on a fixed round. */
export interface ProbePlan {
  readonly seed: number;
  readonly fromMs: number;
  readonly toMs: number;
  /** One round (a call to every model) every `everyMs`. */
  readonly everyMs: number;
  readonly faults: readonly Fault[];
}

/** A provider's background server errors: probes meet them as often as apps do (noise.ts). */
const SERVER_ERRORS: Readonly<Record<ProviderProfile['id'], E.HttpErrorSpec>> = {
  anthropic: E.ANTHROPIC_OVERLOADED,
  openai: E.OPENAI_SERVER_ERROR,
  google: E.GOOGLE_OVERLOADED,
};

/** Probe noise: rare 5xx and resets; a known-answer prompt is never refused, cut off or too long. */
function probeNoise(rng: ReturnType<typeof createRng>): Noise {
  return {
    failure(record: TimedCall, ctx: AttemptContext) {
      const r = rng.next();
      if (r < 0.003) return httpFailure(SERVER_ERRORS[ctx.provider.id], record, ctx, rng);
      if (r < 0.0033) return networkFailure('ECONNRESET', record, rng);
      return undefined;
    },
    output: () => 'ok',
  };
}

/**
 * Every probe's record, sorted by `ts`: `source: "probe"`, no `app`, one attempt (a probe measures,
 * it does not retry), and `checks.golden` on every answer (false when a fault spoiled it).
 * Its own seeded stream: adding probes to a scenario leaves the apps' records unchanged.
 */
export function probeTraffic(plan: ProbePlan): TimedCall[] {
  const rng = createRng(plan.seed * 7919 + 17);
  const noise = probeNoise(rng);
  const out: TimedCall[] = [];
  const gapMs = plan.everyMs / MODELS.length;
  for (let round = plan.fromMs + rng.between(0, gapMs); round < plan.toMs; round += plan.everyMs) {
    MODELS.forEach((model, i) => {
      const tsMs = round + i * gapMs + rng.between(0, gapMs / 4);
      if (tsMs >= plan.toMs) return;
      const provider = PROVIDERS[model.provider];
      const inputTokens = rng.int(30, 50);
      const ctx: AttemptContext = {
        tsMs,
        attempt: 1,
        app: PROBE_APP,
        model,
        provider,
        stream: false,
        inputTokens,
      };
      const { record } = runAttempt(ctx, plan.faults, noise, rng);
      record.source = 'probe';
      delete record.app;
      if (record.http_status === 200 && record.checks === undefined)
        record.checks = { golden: true };
      out.push(record);
    });
  }
  return out.sort((a, b) => a.ts - b.ts);
}
