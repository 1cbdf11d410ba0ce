/** Background noise at realistic rates: rare server errors, oversized prompts, resets, bad outputs. */
import type { AttemptContext, AttemptResult, TimedCall } from './fault.js';
import { httpFailure, networkFailure } from './failures.js';
import * as E from './provider-errors.js';
import type { Rng } from './rng.js';
import type { ProviderProfile } from './traffic-mix.js';

/** Per-attempt probabilities of each kind of background failure. */
export const NOISE_RATES = {
  /** 5xx / 529 per provider: a few tenths of a percent. */
  serverError: 0.003,
  /** 400 context length (first attempts only: the same request would fail again). */
  contextLength: 0.002,
  /** A single connection reset. */
  networkReset: 0.0003,
  /** max_tokens / length / MAX_TOKENS. */
  truncated: 0.009,
  /** refusal / content_filter / SAFETY. */
  refused: 0.005,
  /** `checks.json_valid: false`, for apps that check. */
  malformed: 0.002,
} as const;

/** Noise failures of one provider are at least this far apart, so they never cluster. */
const MIN_GAP_MS = 5_000;

type Weighted = readonly (readonly [E.HttpErrorSpec, number])[];

const SERVER_ERRORS: Readonly<Record<ProviderProfile['id'], Weighted>> = {
  anthropic: [
    [E.ANTHROPIC_OVERLOADED, 0.6],
    [E.ANTHROPIC_API_ERROR, 0.4],
  ],
  openai: [
    [E.OPENAI_SERVER_ERROR, 0.6],
    [E.OPENAI_OVERLOADED, 0.4],
  ],
  google: [
    [E.GOOGLE_OVERLOADED, 0.6],
    [E.GOOGLE_INTERNAL, 0.4],
  ],
};

const CONTEXT_LENGTH: Readonly<Record<ProviderProfile['id'], E.HttpErrorSpec>> = {
  anthropic: E.ANTHROPIC_PROMPT_TOO_LONG,
  openai: E.OPENAI_CONTEXT_LENGTH,
  google: E.GOOGLE_CONTEXT_LENGTH,
};

/** What a successful answer's output looks like. */
export type OutputKind = 'ok' | 'truncated' | 'refused' | 'malformed' | 'empty';

/** Draws background noise; remembers recent noise failures per provider to keep them apart. */
export interface Noise {
  /** A noise failure for this attempt, or `undefined` (most of the time). */
  failure(record: TimedCall, ctx: AttemptContext): AttemptResult | undefined;
  /** The output of an answer that arrived. */
  output(ctx: AttemptContext): OutputKind;
}

/** Creates the noise source of one generated stream. */
export function createNoise(rng: Rng): Noise {
  const lastFailureMs = new Map<string, number>();
  return {
    failure(record, ctx) {
      const r = rng.next();
      const { serverError, contextLength, networkReset } = NOISE_RATES;
      if (r >= serverError + contextLength + networkReset) return undefined;
      const last = lastFailureMs.get(ctx.provider.id);
      if (last !== undefined && Math.abs(ctx.tsMs - last) < MIN_GAP_MS) return undefined;
      if (r >= serverError && r < serverError + contextLength && ctx.attempt > 1) return undefined;
      lastFailureMs.set(ctx.provider.id, ctx.tsMs);
      if (r < serverError) {
        return httpFailure(rng.weighted(SERVER_ERRORS[ctx.provider.id]), record, ctx, rng);
      }
      if (r < serverError + contextLength) {
        return httpFailure(CONTEXT_LENGTH[ctx.provider.id], record, ctx, rng);
      }
      return networkFailure('ECONNRESET', record, rng);
    },
    output(ctx) {
      const r = rng.next();
      const { truncated, refused, malformed } = NOISE_RATES;
      if (r < truncated) return 'truncated';
      if (r < truncated + refused) return 'refused';
      if (r < truncated + refused + malformed && ctx.app.jsonChecks) return 'malformed';
      return 'ok';
    },
  };
}
