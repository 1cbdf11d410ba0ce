/**
 * The error words in an error response body, for each provider's shape (error-taxonomy.md §1.2,
 * §3.1, §4.1, §4.3), with credentials scrubbed and the message cut to 500 characters.
 */

export interface ErrorWords {
  readonly type: string | undefined;
  readonly code: string | undefined;
  readonly message: string | undefined;
}

type Obj = Record<string, unknown> | undefined;

const NONE: ErrorWords = { type: undefined, code: undefined, message: undefined };

/** Reads `{"error":{…}}` (Anthropic, OpenAI, Gemini, also in an array) or a Bedrock body. */
export function readErrorWords(text: string, headers: Headers): ErrorWords {
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
  return {
    type,
    code: asString(reason) ?? asString(e?.code),
    message: cleanMessage(
      asString(e?.message) ?? asString(root?.message) ?? asString(root?.Message),
    ),
  };
}

/** Provider messages can echo keys ("Incorrect API key provided: sk-…"): scrub, then cut. */
export function cleanMessage(message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  const scrubbed = message.replace(
    /\b(sk-[A-Za-z0-9_*-]{6,}|sk_[A-Za-z0-9_*-]{6,}|AIza[0-9A-Za-z_-]{10,}|AKIA[0-9A-Z]{12,}|Bearer\s+[A-Za-z0-9._~+/=-]+)/g,
    '[redacted]',
  );
  return scrubbed.length > 500 ? scrubbed.slice(0, 500) : scrubbed;
}

function bedrockType(headers: Headers): string | undefined {
  // x-amzn-ErrorType: "ThrottlingException:http://internal.amazon.com/coral/…"
  return headers.get('x-amzn-errortype')?.split(':')[0] || undefined;
}

function asString(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}
