/**
 * Reads the commonest Anthropic stream event, a text delta, without building its object: most
 * events of a stream are these, and parsing each is most of what observing a stream costs.
 */

/**
 * A text delta as the Messages API writes it (and `JSON.stringify` would):
 * `{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}`. The index
 * is a JSON integer; the text holds no quote, backslash or control character (`PLAIN`), or escapes
 * too (`ESCAPED`, its literal then parsed on its own). One native regex match costs a fraction
 * of a `JSON.parse` and builds no objects.
 */
// Control characters are what a JSON string may not hold raw (RFC 8259 §7), so they are named.
const PLAIN =
  // eslint-disable-next-line no-control-regex
  /^\{"type":"content_block_delta","index":(?:0|[1-9]\d*),"delta":\{"type":"text_delta","text":"([^"\\\u0000-\u001f]*)"\}\}$/;
const ESCAPED =
  // eslint-disable-next-line no-control-regex
  /^\{"type":"content_block_delta","index":(?:0|[1-9]\d*),"delta":\{"type":"text_delta","text":("(?:[^"\\\u0000-\u001f]|\\.)*")\}\}$/;

/** Longer data is not matched here. */
const MAX_CHARS = 16 * 1024;

/**
 * The text of `data` when it is a text delta in exactly that layout, as `JSON.parse(data)` would
 * read it; undefined for anything else, which the caller then parses as JSON. Both agree because
 * everything but the index and the text is fixed text, and an escaped text is a JSON string
 * literal that `JSON.parse` reads (or refuses) exactly as it would inside the whole.
 */
export function textDelta(data: string): string | undefined {
  // Deltas are a few words; a huge one is left to JSON.parse, which needs no backtracking stack.
  if (data.length > MAX_CHARS) return undefined;
  const plain = PLAIN.exec(data);
  if (plain !== null) return plain[1];
  const escaped = ESCAPED.exec(data);
  return escaped === null ? undefined : jsonString(escaped[1]!);
}

/** `literal` (quotes included) as a JSON string; undefined when it is not a valid one. */
function jsonString(literal: string): string | undefined {
  try {
    const v: unknown = JSON.parse(literal);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}
