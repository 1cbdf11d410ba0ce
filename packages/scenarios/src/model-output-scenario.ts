/** Scenario: every status is 200, but gpt-4.1-mini's output is malformed, empty or cut off. */
import { defineScenario } from './define-scenario.js';
import type { AttemptContext, TimedCall } from './fault.js';
import { corrupting, onModels } from './fault-builders.js';
import type { Rng } from './rng.js';
import { truthIncident, windowAt } from './scenario-frame.js';

type Spoilage = 'malformed' | 'empty' | 'truncated';

/**
 * Spoils an answer. Apps that parse JSON see mostly invalid JSON (`checks.json_valid: false`);
 * the others can only see empty or `length`-truncated answers (error-taxonomy.md §3.3, §7.7).
 */
function spoilOutput(answer: TimedCall, ctx: AttemptContext, rng: Rng): TimedCall {
  const spoilage = rng.weighted<Spoilage>(
    ctx.app.jsonChecks
      ? [
          ['malformed', 0.7],
          ['empty', 0.2],
          ['truncated', 0.1],
        ]
      : [
          ['empty', 0.6],
          ['truncated', 0.4],
        ],
  );
  // Invalid, empty or cut-off output is not the JSON the app asked for.
  if (ctx.app.jsonChecks) answer.checks = { json_valid: false };
  const ttftMs = answer.ttft_ms ?? ctx.model.ttftMs;
  if (spoilage === 'empty') {
    answer.duration_ms = Math.round(ttftMs + rng.between(20, 150));
    answer.output_tokens = 0;
    answer.output_chars = 0;
  } else if (spoilage === 'truncated') {
    const tokens = ctx.app.maxTokens;
    const generationMs = (tokens / ctx.model.tokensPerSec) * 1000 * rng.between(0.85, 1.2);
    answer.duration_ms = Math.round(ttftMs + generationMs);
    answer.stop_reason = ctx.provider.stops.truncated;
    answer.output_tokens = tokens;
    answer.output_chars = Math.round(tokens * rng.between(3.6, 4.4));
  }
  return answer;
}

/** Truth: model / malformed, provider's, scope model (gpt-4.1-mini). */
export const modelBadOutput = defineScenario({
  name: 'model-bad-output',
  description:
    'For 15 min ~35% of gpt-4.1-mini answers are HTTP 200 but bad: mostly invalid JSON ' +
    '(checks.json_valid false), some empty (0 tokens), some cut off at max tokens (length).',
  plan(frame) {
    const window = windowAt(frame, 15 * 60_000);
    return {
      faults: [corrupting(window, onModels('gpt-4.1-mini'), 0.35, spoilOutput)],
      truth: [
        truthIncident(window, {
          layer: 'model',
          owner: 'provider',
          reason: 'malformed',
          scope: 'model',
          provider: 'openai',
          models: ['gpt-4.1-mini'],
        }),
      ],
    };
  },
});
