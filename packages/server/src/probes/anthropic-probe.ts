/** A probe through `@anthropic-ai/sdk` (Messages API), retries off, no extended thinking. */
import { OUTPUT_BUDGET } from './probe-budget.js';
import type { ProbeClientFactory } from './probe-call.js';

/** The Anthropic Messages caller. */
export const anthropicProbe: ProbeClientFactory = async (o) => {
  const { default: Anthropic } = await import('@anthropic-ai/sdk');
  const client = new Anthropic({
    apiKey: o.apiKey,
    baseURL: o.baseUrl,
    fetch: o.fetch,
    maxRetries: 0,
    timeout: o.deadlineMs,
  });
  return async (ask, signal) => {
    await client.messages.create(
      {
        model: o.model,
        // No `thinking` field: extended thinking stays off, the whole budget is answer.
        max_tokens: OUTPUT_BUDGET.anthropic,
        messages: [{ role: 'user', content: ask.prompt }],
        ...(ask.jsonSchema === undefined
          ? {}
          : { output_config: { format: { type: 'json_schema', schema: { ...ask.jsonSchema } } } }),
      },
      { signal },
    );
  };
};
