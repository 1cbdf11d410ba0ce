/**
 * A success status with bad output: stop reasons, empty output, failed checks.
 * Sources: reference/error-taxonomy.md §1.5 (Anthropic), §3.3 (OpenAI), §4.1 (Gemini), §4.3 (Bedrock),
 * §4.4 (Azure), §7.7.
 */
import type { CallRecord } from '../records/index.js';
import { OK, model, type Classification } from './classification.js';

const TRUNCATED = model('truncated');
const REFUSAL = model('refusal');
const CONTENT_FILTER = model('content_filter');
const MALFORMED = model('malformed', true);
const EMPTY = model('empty', true);
const CHECK_FAILED = model('check_failed', true);

const STOP_REASONS = new Map<string, Classification>();
function stops(verdict: Classification, ...reasons: string[]): void {
  for (const r of reasons) {
    STOP_REASONS.set(r, verdict);
    STOP_REASONS.set(r.toLowerCase(), verdict);
    STOP_REASONS.set(r.toUpperCase(), verdict);
  }
}
// Anthropic max_tokens, model_context_window_exceeded; OpenAI length, Responses max_output_tokens;
// Gemini MAX_TOKENS; Bedrock max_tokens, model_context_window_exceeded.
stops(TRUNCATED, 'max_tokens', 'length', 'max_output_tokens', 'model_context_window_exceeded');
// Anthropic refusal (streaming classifiers); OpenAI Responses bio_policy.
stops(REFUSAL, 'refusal', 'bio_policy');
// OpenAI/Azure content_filter; Gemini finishReason and blockReason words; Bedrock guardrails.
stops(
  CONTENT_FILTER,
  'content_filter',
  'SAFETY',
  'RECITATION',
  'LANGUAGE',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
  'MODEL_ARMOR',
  'JAILBREAK',
  'guardrail_intervened',
  'content_filtered',
);
// Bedrock malformed_*; Gemini MALFORMED_FUNCTION_CALL, UNEXPECTED_TOOL_CALL, TOO_MANY_TOOL_CALLS.
stops(
  MALFORMED,
  'malformed_model_output',
  'malformed_tool_use',
  'MALFORMED_FUNCTION_CALL',
  'UNEXPECTED_TOOL_CALL',
  'TOO_MANY_TOOL_CALLS',
);
// Gemini NO_IMAGE: the image asked for was not produced.
stops(EMPTY, 'NO_IMAGE');

/** Stops whose output is a tool call, so zero characters of text is not an empty answer. */
const TOOL_STOPS = new Set(['tool_use', 'tool_calls', 'function_call', 'pause_turn']);

/** Built-in check names (issue 3) that map to a reason more precise than `check_failed`. */
const CHECK_REASONS = new Map<string, Classification>([
  ['json_valid', MALFORMED],
  ['empty', EMPTY],
  ['truncated', TRUNCATED],
  ['refusal', REFUSAL],
]);

/** Classifies the output of a call that got a success status and a complete body. */
export function classifyOutput(r: CallRecord): Classification {
  const stop = typeof r.stop_reason === 'string' ? r.stop_reason : undefined;
  if (stop !== undefined) {
    const byStop = STOP_REASONS.get(stop) ?? STOP_REASONS.get(stop.toLowerCase());
    if (byStop !== undefined) return byStop;
  }
  // Failed checks before the emptiness rule: an OpenAI refusal is finish_reason "stop" with no
  // text, and the instrument's refusal check says what it really was (§3.3 message.refusal).
  const checks = r.checks;
  if (typeof checks === 'object' && checks !== null) {
    for (const [name, passed] of Object.entries(checks)) {
      if (passed === false) return CHECK_REASONS.get(name) ?? CHECK_FAILED;
    }
    // The instrument saw the whole reply: a passed `empty` check means output that is not text
    // (tool calls, images, audio), so zero characters of text is no empty answer.
    if (checks['empty'] === true) return OK;
  }
  // Anthropic §1.5: end_turn can come with an empty response (2–3 tokens, no content).
  if (r.output_tokens === 0) return EMPTY;
  if (r.output_chars === 0 && (stop === undefined || !TOOL_STOPS.has(stop))) return EMPTY;
  return OK;
}
