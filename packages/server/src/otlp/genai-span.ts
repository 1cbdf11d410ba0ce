/** Which spans are GenAI client calls, one attempt-or-call of one request to an LLM API. */
import type { OtlpSpan } from './otlp-span.js';

/**
 * Operations that are not a request to a model API: a tool runs in-process, and an agent span
 * wraps the inference spans that are records themselves (semconv gen-ai-spans, gen-ai-agent-spans).
 */
const NOT_A_CALL = new Set(['execute_tool', 'invoke_agent', 'create_agent']);

function hasGenAiAttribute(span: OtlpSpan): boolean {
  for (const key in span.attributes) if (key.startsWith('gen_ai.')) return true;
  return false;
}

/**
 * True for a span that the call-record mapping applies to: it has `gen_ai.operation.name`, or it
 * is a CLIENT span with `gen_ai.*` attributes, or it names both a provider (`gen_ai.provider.name`
 * or `gen_ai.system`) and a requested model — as the Vercel AI SDK's INTERNAL
 * `ai.generateText.doGenerate` spans do (reference/otel-genai.md §4). Agent and tool spans are not.
 */
export function isGenAiCallSpan(span: OtlpSpan): boolean {
  const a = span.attributes;
  const operation = a['gen_ai.operation.name'];
  if (typeof operation === 'string') return !NOT_A_CALL.has(operation);
  if (span.kind === 'client' && hasGenAiAttribute(span)) return true;
  const provider = a['gen_ai.provider.name'] ?? a['gen_ai.system'];
  return typeof provider === 'string' && typeof a['gen_ai.request.model'] === 'string';
}
