/**
 * What a probe asks for, per wire API: an output budget large enough that reasoning cannot eat
 * the answer (never `max_tokens: 1`), and reasoning turned off or down where the model has it.
 */
import type { WireApi } from '../config/index.js';

/** The availability probe's prompt: a tiny known task with a short answer. */
export const AVAILABILITY_PROMPT = 'Reply with the single word: ok';

/** Output tokens allowed per probe answer, by wire API (before any thinking allowance). */
export const OUTPUT_BUDGET: Readonly<Record<WireApi, number>> = {
  // Anthropic: extended thinking is opt-in (no `thinking` field = none), so the whole budget is
  // answer (docs.anthropic.com/en/docs/build-with-claude/extended-thinking).
  anthropic: 128,
  // OpenAI: reasoning tokens count against max_completion_tokens
  // (platform.openai.com/docs/guides/reasoning#allocating-space-for-reasoning).
  openai: 256,
  // Gemini 2.5+: thinking tokens count against maxOutputTokens (ai.google.dev/gemini-api/docs/thinking).
  gemini: 256,
};

/** OpenAI reasoning models (o1, o3, o4-mini, gpt-5*) take `reasoning_effort`; others refuse it. */
export function openaiReasoningEffort(model: string): 'low' | undefined {
  return /^(o[1-9]|gpt-5)/.test(model) && !model.startsWith('o1-mini') ? 'low' : undefined;
}

/** How a Gemini model is told to think little: a budget (2.5) or a level (3), or nothing. */
export type GeminiThinking =
  | { readonly kind: 'budget'; readonly tokens: number }
  | { readonly kind: 'level_low' }
  | { readonly kind: 'default' };

/**
 * Gemini 2.5 Flash and Flash-Lite can turn thinking off (budget 0); 2.5 Pro cannot (minimum
 * 128); Gemini 3 takes `thinkingLevel` (ai.google.dev/gemini-api/docs/thinking#set-budget).
 */
export function geminiThinking(model: string): GeminiThinking {
  if (/^gemini-2\.5-flash/.test(model)) return { kind: 'budget', tokens: 0 };
  if (/^gemini-2\.5-pro/.test(model)) return { kind: 'budget', tokens: 128 };
  if (/^gemini-[3-9]/.test(model)) return { kind: 'level_low' };
  return { kind: 'default' };
}

/** The output tokens a probe of `model` may be billed at most: its budget plus any thinking allowance. */
export function maxOutputTokens(api: WireApi, model: string): number {
  if (api !== 'gemini') return OUTPUT_BUDGET[api];
  const thinking = geminiThinking(model);
  return OUTPUT_BUDGET.gemini + (thinking.kind === 'budget' ? thinking.tokens : 0);
}
