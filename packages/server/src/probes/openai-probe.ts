/** A probe through `openai` (Chat Completions), retries off, reasoning effort low where it applies. */
import { OUTPUT_BUDGET, openaiReasoningEffort } from './probe-budget.js';
import type { ProbeClientFactory } from './probe-call.js';

/** The OpenAI Chat Completions caller (also any OpenAI-compatible API). */
export const openaiProbe: ProbeClientFactory = async (o) => {
  const { default: OpenAI } = await import('openai');
  const client = new OpenAI({
    apiKey: o.apiKey,
    baseURL: o.baseUrl,
    fetch: o.fetch,
    maxRetries: 0,
    timeout: o.deadlineMs,
  });
  const effort = openaiReasoningEffort(o.model);
  return async (ask, signal) => {
    await client.chat.completions.create(
      {
        model: o.model,
        // max_completion_tokens, not max_tokens: reasoning models refuse the older field.
        max_completion_tokens: OUTPUT_BUDGET.openai,
        messages: [{ role: 'user', content: ask.prompt }],
        ...(effort === undefined ? {} : { reasoning_effort: effort }),
        ...(ask.jsonSchema === undefined ? {} : { response_format: { type: 'json_object' } }),
      },
      { signal },
    );
  };
};
