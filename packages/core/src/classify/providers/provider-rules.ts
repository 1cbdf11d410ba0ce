/** Chooses a provider's rules by the record's `provider` id; unknown ids are OpenAI-compatible APIs. */
import type { ProviderRules } from '../error-facts.js';
import { anthropicRules } from './anthropic.js';
import { azureOpenaiRules } from './azure-openai.js';
import { bedrockRules } from './bedrock.js';
import { googleRules } from './google.js';
import { openaiRules } from './openai.js';

const RULES = new Map<string, ProviderRules>([
  ['anthropic', anthropicRules],
  ['openai', openaiRules],
  ['google', googleRules],
  ['vertex', googleRules],
  ['bedrock', bedrockRules],
  ['azure-openai', azureOpenaiRules],
]);

/** The rules for a provider id (spec/call-record.md `provider`). */
export function rulesFor(providerId: string): ProviderRules {
  return RULES.get(providerId) ?? openaiRules;
}
