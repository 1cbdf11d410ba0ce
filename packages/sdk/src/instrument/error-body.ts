/**
 * The error words in an error response body, for each provider's shape (error-taxonomy.md §1.2,
 * §3.1, §4.1, §4.3), with credentials and echoes of the request scrubbed (redact/), the message
 * cut to 500 characters.
 */
import { NO_REQUEST, redactMessage, redactWord, type RedactionContext } from './redact/index.js';

export interface ErrorWords {
  readonly type: string | undefined;
  readonly code: string | undefined;
  readonly message: string | undefined;
}

type Obj = Record<string, unknown> | undefined;

const NONE: ErrorWords = { type: undefined, code: undefined, message: undefined };

/**
 * Reads `{"error":{…}}` (Anthropic, OpenAI, Gemini, also in an array) or a Bedrock body; `request`
 * gives the keys and text of the request to scrub from the words.
 */
export function readErrorWords(
  text: string,
  headers: Headers,
  request: RedactionContext = NO_REQUEST,
): ErrorWords {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ...NONE, type: bedrockType(headers) };
  }
  const root = (Array.isArray(body) ? body[0] : body) as Obj;
  const e = (typeof root?.error === 'object' && root.error !== null ? root.error : root) as Obj;
  const details = e?.details;
  const reason = Array.isArray(details)
    ? (details as Obj[]).find((d) => String(d?.['@type']).endsWith('ErrorInfo'))?.reason
    : (details as Obj)?.error_code;
  const type =
    asString(e?.type) ?? asString(e?.status) ?? asString(root?.__type) ?? bedrockType(headers);
  const code = asString(reason) ?? asString(e?.code);
  const message =
    asString(e?.message) ??
    asString(root?.message) ??
    asString(root?.Message) ??
    asString(root?.error); // gateways: {"error": "…"}
  return {
    type: type === undefined ? undefined : redactWord(type, request),
    code: code === undefined ? undefined : redactWord(code, request),
    message: cleanMessage(message, request),
  };
}

/**
 * Provider messages can echo keys ("Incorrect API key provided: sk-…") and the request itself
 * (validation errors): scrub both, then cut to 500 characters.
 */
export function cleanMessage(
  message: string | undefined,
  request: RedactionContext = NO_REQUEST,
): string | undefined {
  return message === undefined ? undefined : redactMessage(message, request);
}

function bedrockType(headers: Headers): string | undefined {
  // x-amzn-ErrorType: "ThrottlingException:http://internal.amazon.com/coral/…"
  return headers.get('x-amzn-errortype')?.split(':')[0] || undefined;
}

function asString(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}
