/** A probe through `@google/genai` (generateContent), retries off, thinking off or low. */
import { geminiThinking, maxOutputTokens } from './probe-budget.js';
import type { ProbeClientFactory } from './probe-call.js';

/** The Gemini API caller. */
export const geminiProbe: ProbeClientFactory = async (o) => {
  const { GoogleGenAI, ThinkingLevel } = await import('@google/genai');
  const ai = new GoogleGenAI({
    apiKey: o.apiKey,
    httpOptions: {
      baseUrl: o.baseUrl,
      fetch: o.fetch,
      timeout: o.deadlineMs,
      // js-genai retries 5 times unless told otherwise; 1 attempt = no retry.
      retryOptions: { attempts: 1 },
    },
  });
  const thinking = geminiThinking(o.model);
  const thinkingConfig =
    thinking.kind === 'budget'
      ? { thinkingConfig: { thinkingBudget: thinking.tokens } }
      : thinking.kind === 'level_low'
        ? { thinkingConfig: { thinkingLevel: ThinkingLevel.LOW } }
        : {};
  return async (ask, signal) => {
    await ai.models.generateContent({
      model: o.model,
      contents: ask.prompt,
      config: {
        maxOutputTokens: maxOutputTokens('gemini', o.model),
        abortSignal: signal,
        ...thinkingConfig,
        ...(ask.jsonSchema === undefined ? {} : { responseMimeType: 'application/json' }),
      },
    });
  };
};
