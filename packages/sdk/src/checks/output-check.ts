/** Output checks: named predicates over a response's assembled text (true = passed). */

/** What a check can see of the request. The prompt stays in the app; it never enters a record. */
export interface CheckRequest {
  readonly provider: string;
  readonly model: string;
  readonly url: string;
  readonly stream: boolean;
  readonly wantsJson: boolean;
  /** The parsed request body (as the app sent it), when it was JSON. */
  readonly body: unknown;
}

/** A user check: `(outputText, request) => boolean`; throwing counts as "not judged", never fails the call. */
export type OutputCheck = (outputText: string, request: CheckRequest) => boolean;

/** The facts built-in checks need. */
export interface OutputFacts {
  readonly text: string;
  readonly textComplete: boolean;
  readonly chars: number;
  readonly stopReason: string | undefined;
  readonly refusal: boolean;
  readonly toolCall: boolean;
  /** Images, audio or other non-text parts in the output. */
  readonly media?: boolean;
  readonly wantsJson: boolean;
}

// Truncation and refusal stop words (error-taxonomy.md §1.5, §3.3, §4.1, §4.3).
const TRUNCATED = new Set([
  'max_tokens',
  'length',
  'MAX_TOKENS',
  'max_output_tokens',
  'model_context_window_exceeded',
]);
const REFUSED = new Set(['refusal']);
// Stops whose reply is a tool call, not text (§1.5 tool_use and pause_turn, §3.3 tool_calls).
const TOOL_STOPS = new Set(['tool_use', 'tool_calls', 'function_call', 'pause_turn']);

/**
 * The built-in checks: `refusal`, `truncated`, `empty`, and `json_valid` when the request asked
 * for JSON and there is text to judge. Insertion order is the order the classifier reads them.
 */
export function builtInChecks(o: OutputFacts): Record<string, boolean> {
  const refused = o.refusal || (o.stopReason !== undefined && REFUSED.has(o.stopReason));
  const checks: Record<string, boolean> = {
    refusal: !refused,
    truncated: o.stopReason === undefined || !TRUNCATED.has(o.stopReason),
    empty:
      o.chars > 0 ||
      o.toolCall ||
      o.media === true ||
      refused ||
      (o.stopReason !== undefined && TOOL_STOPS.has(o.stopReason)),
  };
  if (o.wantsJson && o.chars > 0 && o.textComplete) checks.json_valid = isJson(o.text);
  return checks;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
