/**
 * An error wrapped inside another provider's error message, such as Claude on Vertex AI returning
 * Anthropic's `{"type":"error","error":{"type":"overloaded_error",…}}` as the message of a Google
 * 400 `INVALID_ARGUMENT` (langgenius/dify#7122; error-taxonomy.md §1.2, §4.2).
 */
import type { ErrorFacts, ProviderRules } from './error-facts.js';
import { anthropicRules } from './providers/anthropic.js';
import { googleRules } from './providers/google.js';
import { openaiRules } from './providers/openai.js';

/** The inner error's words and the rules of the provider whose envelope it has. */
export interface WrappedError {
  readonly rules: ProviderRules;
  readonly facts: ErrorFacts;
}

/** Only this much of a message is parsed: records carry 500 characters (spec/call-record.md). */
const MAX_PARSE = 4096;
const WORD = /^[A-Za-z][\w.-]{0,63}$/;
/** When the JSON is cut off or is a Python repr (`'type': 'error'`, `None`), scan for the type. */
const SCAN_TYPE =
  /["']error["']\s*:\s*\{[^{}]{0,300}?["']type["']\s*:\s*["']([A-Za-z][\w.-]{0,63})["']/;
const SCAN_CODE = /["']error_code["']\s*:\s*["']([A-Za-z][\w.-]{0,63})["']/;

/** The error inside `f.message`, or `undefined`. Never throws. */
export function unwrapError(f: ErrorFacts): WrappedError | undefined {
  const message = f.message;
  const start = message.indexOf('{');
  if (start < 0 || message.indexOf('error', start) < 0) return undefined;
  const text = message.length > MAX_PARSE ? message.slice(0, MAX_PARSE) : message;
  return parsed(f, text, start) ?? scanned(f, text.slice(start));
}

function parsed(f: ErrorFacts, text: string, start: number): WrappedError | undefined {
  const end = text.lastIndexOf('}');
  if (end <= start) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined; // cut off at 500 characters, or not JSON: scanned instead
  }
  const error = field(value, 'error');
  const type = word(field(error, 'type'));
  const status = word(field(error, 'status'));
  if (type === undefined && status === undefined) return undefined;
  const code = word(field(field(error, 'details'), 'error_code')) ?? word(field(error, 'code'));
  const message = field(error, 'message');
  const inner = {
    ...f,
    type: type ?? status,
    code,
    message: typeof message === 'string' ? message : '',
  };
  // Anthropic's envelope is `{"type":"error","error":{type}}`, Google's `{"error":{status}}`.
  const rules =
    field(value, 'type') === 'error'
      ? anthropicRules
      : type === undefined
        ? googleRules
        : openaiRules;
  return { rules, facts: inner };
}

function scanned(f: ErrorFacts, text: string): WrappedError | undefined {
  const type = SCAN_TYPE.exec(text)?.[1];
  if (type === undefined) return undefined;
  const code = SCAN_CODE.exec(text)?.[1];
  // The message stays the whole text: its words ("prompt is too long") still tell.
  return { rules: anthropicRules, facts: { ...f, type, code } };
}

/** An own property of a JSON object; `__proto__` and inherited names are never read. */
function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
  return (value as Record<string, unknown>)[key];
}

function word(value: unknown): string | undefined {
  return typeof value === 'string' && WORD.test(value) ? value : undefined;
}
