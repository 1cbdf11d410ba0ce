/**
 * Errors wrapped as JSON inside a message (Claude on Vertex: a Google 400 whose message is the
 * Anthropic error `{"type":"error","error":{"type":"…","message":"…"}}`). The provider's own words
 * — the values of `type`, `code`, `status`, `message`, `reason`, `error` — are scrubbed as messages
 * of their own, so an inner "prompt is too long: …" survives; any other value is masked unless it
 * reads as a location or id, as quoted spans are (prompt-echo.ts).
 */
import { REDACTED } from './key-shapes.js';
import { LOCATION_LIKE } from './prompt-echo.js';

/** Keys whose values are the provider's words about the error, not the request's values. */
const WORD_KEYS = new Set(['type', 'code', 'status', 'message', 'reason', 'error', 'title']);

/** A message split around the JSON object it carries. */
export interface EmbeddedJson {
  readonly head: string;
  readonly value: object;
  readonly tail: string;
}

/** The JSON object in `line` (first `{` to last `}`), when it parses. */
export function findEmbeddedJson(line: string): EmbeddedJson | undefined {
  const from = line.indexOf('{');
  if (from === -1) return undefined;
  const to = line.lastIndexOf('}');
  if (to < from) return undefined;
  try {
    const value = JSON.parse(line.slice(from, to + 1)) as unknown;
    if (typeof value !== 'object' || value === null) return undefined;
    return { head: line.slice(0, from), value, tail: line.slice(to + 1) };
  } catch {
    return undefined;
  }
}

/** `value` with every word scrubbed by `scrub` and every other string masked. */
export function scrubJson(value: unknown, scrub: (words: string) => string, key = ''): unknown {
  if (typeof value === 'string') {
    if (WORD_KEYS.has(key)) return scrub(value);
    return LOCATION_LIKE.test(value) ? value : REDACTED;
  }
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, scrub, key));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) {
    out[LOCATION_LIKE.test(k) ? k : REDACTED] = scrubJson(v, scrub, k);
  }
  return out;
}
