/** An answer that arrived: realistic latency, tokens and stop reason for the model and app. */
import type { AttemptContext, TimedCall } from './fault.js';
import type { OutputKind } from './noise.js';
import type { Rng } from './rng.js';

/** When the answer's first token and last byte arrive, and how long it is. */
export interface AnswerTiming {
  readonly ttftMs: number;
  readonly durationMs: number;
  readonly outputTokens: number;
}

/**
 * Draws the timing of an answer: lognormal time to first token, lognormal length capped by the
 * app's `max_tokens`, generation at the model's speed ±; `slowFactor` stretches both phases.
 */
export function drawTiming(
  ctx: AttemptContext,
  kind: OutputKind,
  slowFactor: number,
  rng: Rng,
): AnswerTiming {
  const { model, app } = ctx;
  let outputTokens: number;
  if (kind === 'truncated') outputTokens = app.maxTokens;
  else if (kind === 'refused') outputTokens = rng.int(8, 60);
  else if (kind === 'empty') outputTokens = 0;
  else {
    const drawn = Math.round(rng.lognormal(model.outputTokens, 0.6));
    outputTokens = Math.max(1, Math.min(app.maxTokens - 1, drawn));
  }
  const ttftMs = rng.lognormal(model.ttftMs, 0.35) * slowFactor;
  const speed = model.tokensPerSec * Math.min(1.4, Math.max(0.7, rng.lognormal(1, 0.15)));
  const generationMs = (outputTokens / speed) * 1000 * slowFactor;
  return {
    ttftMs: Math.round(ttftMs),
    durationMs: Math.round(ttftMs + generationMs + rng.between(20, 120)),
    outputTokens,
  };
}

/** Fills in `record`, the attempt's fresh record, as a complete HTTP 200 answer. */
export function successCall(
  record: TimedCall,
  ctx: AttemptContext,
  kind: OutputKind,
  timing: AnswerTiming,
  rng: Rng,
): void {
  const { stops } = ctx.provider;
  const stop =
    kind === 'truncated' ? stops.truncated : kind === 'refused' ? stops.refused : stops.ok;
  const outputChars = Math.round(timing.outputTokens * rng.between(3.6, 4.4));
  // A refusal, a cut-off answer or an empty one is not the JSON the app asked for.
  const jsonValid = kind === 'ok';
  // Assignment, not spreading: V8 gives each spread copy its own shape, ~20× slower here.
  record.duration_ms = timing.durationMs;
  if (ctx.stream) record.ttft_ms = timing.ttftMs;
  record.http_status = 200;
  record.request_id = ctx.provider.requestId(rng);
  if (ctx.stream) record.stream_completed = true;
  record.stop_reason = stop;
  record.input_tokens = ctx.inputTokens;
  record.output_tokens = timing.outputTokens;
  record.output_chars = outputChars;
  if (ctx.app.jsonChecks) record.checks = { json_valid: jsonValid };
}
