/** What a response's body said about its output, gathered while it streams past. */

/** Text kept for checks, at most this many characters; the rest is counted, not kept. */
export const MAX_KEPT_TEXT_CHARS = 1 << 20;

export interface OutputState {
  text: string;
  textComplete: boolean;
  chars: number;
  stopReason: string | undefined;
  inputTokens: number | undefined;
  outputTokens: number | undefined;
  streamErrorType: string | undefined;
  errorCode: string | undefined;
  errorMessage: string | undefined;
  terminal: boolean;
  refusal: boolean;
  toolCall: boolean;
  /** Images, audio or other non-text output parts: output, though not text. */
  media: boolean;
  /** The body had the shape of a generation response; only then is its output judged. */
  recognized: boolean;
  /**
   * The output is not in this response: it is generated later and fetched elsewhere (OpenAI
   * Responses background mode, `status: "queued"`); nothing is judged.
   */
  deferred: boolean;
}

/** Reads one provider's wire format: SSE events for streams, the JSON body otherwise. */
export interface Interpreter {
  readonly state: OutputState;
  event(name: string, data: string): void;
  json(body: unknown): void;
}

export function emptyState(): OutputState {
  return {
    text: '',
    textComplete: true,
    chars: 0,
    stopReason: undefined,
    inputTokens: undefined,
    outputTokens: undefined,
    streamErrorType: undefined,
    errorCode: undefined,
    errorMessage: undefined,
    terminal: false,
    refusal: false,
    toolCall: false,
    media: false,
    recognized: false,
    deferred: false,
  };
}

/** Appends output text, keeping at most `MAX_KEPT_TEXT_CHARS`. */
export function addText(state: OutputState, text: unknown): void {
  if (typeof text !== 'string' || text.length === 0) return;
  state.chars += text.length;
  if (state.text.length + text.length <= MAX_KEPT_TEXT_CHARS) state.text += text;
  else state.textComplete = false;
}

/** A field as a string, or undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A field as a finite number, or undefined. */
export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Parses SSE data as JSON; undefined when it is not JSON. */
export function parseData(data: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(data) as unknown;
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
