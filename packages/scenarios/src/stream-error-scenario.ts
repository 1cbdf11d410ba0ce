/** Scenario: Anthropic streams start with HTTP 200 and then carry an SSE `error` event. */
import { defineScenario } from './define-scenario.js';
import type { AttemptContext, TimedCall } from './fault.js';
import { corrupting } from './fault-builders.js';
import { OPUS_MODELS } from './provider-scenarios.js';
import type { Rng } from './rng.js';
import { truthIncident, windowAt } from './scenario-frame.js';

/**
 * Cuts an answer off with an error event (error-taxonomy.md §1.3): `overloaded_error` ("would
 * normally correspond to an HTTP 529") four times in five, `api_error` otherwise. Half arrive as
 * the first event, before any token (vercel/ai#10653); the rest part-way through the answer.
 */
function breakStream(answer: TimedCall, _ctx: AttemptContext, rng: Rng): TimedCall {
  const overloaded = rng.chance(0.8);
  const ttftMs = answer.ttft_ms ?? 0;
  const totalMs = answer.duration_ms ?? ttftMs;
  const firstEvent = rng.chance(0.5);
  const done = firstEvent ? 0 : rng.between(0.05, 0.9);
  const outputTokens = Math.round((answer.output_tokens ?? 0) * done);
  answer.duration_ms = firstEvent
    ? Math.round(ttftMs * rng.between(0.3, 1))
    : Math.round(ttftMs + (totalMs - ttftMs) * done);
  answer.stream_completed = false;
  answer.stream_error_type = overloaded ? 'overloaded_error' : 'api_error';
  answer.error_message = overloaded ? 'Overloaded' : 'Internal server error';
  answer.output_tokens = outputTokens;
  answer.output_chars = Math.round(outputTokens * 4);
  delete answer.stop_reason;
  delete answer.checks;
  if (firstEvent) delete answer.ttft_ms;
  return answer;
}

/** Truth: provider / overloaded, provider's, scope provider (anthropic, both Opus models). */
export const streamErrorEvents = defineScenario({
  name: 'stream-error-events',
  description:
    'For 15 min ~40% of claude-opus streams get HTTP 200 and then an SSE error event ' +
    '(80% overloaded_error, 20% api_error), half before the first token; non-streamed calls are fine.',
  plan(frame) {
    const window = windowAt(frame, 15 * 60_000);
    const opusStreams = (ctx: AttemptContext): boolean =>
      ctx.stream && OPUS_MODELS.includes(ctx.model.id);
    return {
      faults: [corrupting(window, opusStreams, 0.4, breakStream)],
      truth: [
        truthIncident(window, {
          layer: 'provider',
          owner: 'provider',
          reason: 'overloaded',
          scope: 'provider',
          provider: 'anthropic',
          models: OPUS_MODELS,
        }),
      ],
    };
  },
});
