/** Scenario: OpenAI streams start with HTTP 200 and break off before their terminal event. */
import { defineScenario } from './define-scenario.js';
import type { AttemptContext, TimedCall } from './fault.js';
import { corrupting } from './fault-builders.js';
import type { Rng } from './rng.js';
import { truthIncident, windowAt } from './scenario-frame.js';
import { modelsOf } from './traffic-mix.js';

/**
 * Cuts a stream part-way: no `[DONE]`, no finish reason, some of the tokens. Half the cuts are a
 * reset or a closed socket under the body (`network_error`); the rest just end (a proxy closing an
 * idle stream cleanly). Apps do not check output they never finished reading.
 */
function cutStream(answer: TimedCall, _ctx: AttemptContext, rng: Rng): TimedCall {
  const ttftMs = answer.ttft_ms ?? 0;
  const totalMs = answer.duration_ms ?? ttftMs;
  const done = rng.between(0.05, 0.85);
  const outputTokens = Math.round((answer.output_tokens ?? 0) * done);
  answer.duration_ms = Math.round(ttftMs + (totalMs - ttftMs) * done);
  answer.stream_completed = false;
  if (rng.chance(0.5)) answer.network_error = rng.chance(0.6) ? 'ECONNRESET' : 'UND_ERR_SOCKET';
  answer.output_tokens = outputTokens;
  answer.output_chars = Math.round(outputTokens * rng.between(3.6, 4.4));
  delete answer.stop_reason;
  delete answer.checks;
  return answer;
}

/** Truth: provider / stream_error, provider's, scope provider (openai). */
export const midStreamDisconnects = defineScenario({
  name: 'mid-stream-disconnects',
  description:
    'For 15 min ~35% of OpenAI streams get HTTP 200, some tokens, then break off with no [DONE] and no ' +
    'finish_reason (half with ECONNRESET / UND_ERR_SOCKET under the body); non-streamed calls are fine.',
  plan(frame) {
    const window = windowAt(frame, 15 * 60_000);
    const openaiStreams = (ctx: AttemptContext): boolean =>
      ctx.stream && ctx.provider.id === 'openai';
    return {
      faults: [corrupting(window, openaiStreams, 0.35, cutStream)],
      truth: [
        truthIncident(window, {
          layer: 'provider',
          owner: 'provider',
          reason: 'stream_error',
          scope: 'provider',
          provider: 'openai',
          models: modelsOf('openai'),
        }),
      ],
    };
  },
});
